package ui

// The app is Chinese throughout: zhlocale sets the locale before Fyne's
// lang package reads it, so Fyne's own dialogs say 打开, 取消, 新建文件夹.
import _ "github.com/dossier-app/dossier/ui/zhlocale"
