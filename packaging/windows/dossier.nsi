; The Windows installer of Dossier (NSIS 3, Debian's `nsis`), built by
; `make dist`:
;   makensis -DVERSION=0.1.0 -DBUILD=1 -DSRC=folder -DOUT=setup.exe dossier.nsi
; SRC holds dossier.exe, dossierctl.exe, README.txt, LICENSE-*.txt and
; dossier.ico.
;
; - Per-user by default: %LOCALAPPDATA%\Programs\Dossier, HKCU, no
;   administrator rights (office PCs rarely grant them). /ALLUSERS (run as
;   administrator) installs under Program Files for every user, HKLM.
; - /S installs silently; /D=folder (last on the line) chooses the folder.
; - Start-menu and desktop shortcuts; .dossier opens with dossier.exe and
;   shows its icon.
; - Installing over an earlier version replaces the programs in place
;   (same folder, read back from the registry).
; - The uninstaller removes only the files it installed: campaign files,
;   wherever they are (even inside the program folder), are never touched.
; - Solid LZMA with a 128 MB dictionary: both programs embed the same
;   fonts, and one solid block compresses the second copy to almost nothing
;   as long as the dictionary reaches back over the first program (dossier.exe
;   is 83 MB with FandolFang): with 64 MB the fonts were compressed twice and
;   the installer was 55–61.5 MB; with 128 MB it is 34–37 MB. Unpacking needs
;   about 128 MB of memory, which every Windows 10 PC has.

Unicode true
Target amd64-unicode
SetCompressor /SOLID /FINAL lzma
SetCompressorDictSize 128
ManifestDPIAware true
ManifestSupportedOS Win10
RequestExecutionLevel user

!include MUI2.nsh
!include LogicLib.nsh
!include FileFunc.nsh

!ifndef VERSION
  !error "-DVERSION=x.y.z is required"
!endif
!ifndef BUILD
  !define BUILD 0
!endif

!define APPNAME "先进单位评选材料汇编"
!define PROGID "Dossier.Campaign"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Dossier"
!define CLASSES "Software\Classes"

Name "${APPNAME}"
OutFile "${OUT}"
InstallDir "$LOCALAPPDATA\Programs\Dossier"
BrandingText "${APPNAME} ${VERSION}"
VIProductVersion "${VERSION}.${BUILD}"
VIAddVersionKey /LANG=2052 "ProductName" "${APPNAME}"
VIAddVersionKey /LANG=2052 "FileDescription" "${APPNAME} 安装程序"
VIAddVersionKey /LANG=2052 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "CompanyName" "Dossier"
VIAddVersionKey /LANG=2052 "LegalCopyright" "Dossier"

!define MUI_ICON "${SRC}\dossier.ico"
!define MUI_UNICON "${SRC}\dossier.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\dossier.exe"
!define MUI_FINISHPAGE_RUN_TEXT "启动${APPNAME}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"

Var AllUsers

; The scope (per-user or all users) and the folder of an earlier install,
; so that an upgrade lands in place.
Function .onInit
  ; $3: InstallDir's default, or the folder /D= gave (NSIS sets it first).
  StrCpy $3 $INSTDIR
  ${GetParameters} $0
  ClearErrors
  ${GetOptions} $0 "/ALLUSERS" $1
  ${IfNot} ${Errors}
    UserInfo::GetAccountType
    Pop $2
    ${If} $2 != "Admin"
      MessageBox MB_OK|MB_ICONSTOP "为所有用户安装（/ALLUSERS）需要管理员权限：请右键“以管理员身份运行”。不带 /ALLUSERS 时只为当前用户安装，不需要管理员权限。" /SD IDOK
      SetErrorLevel 740
      Quit
    ${EndIf}
    StrCpy $AllUsers 1
    SetShellVarContext all
    ReadRegStr $1 HKLM "${UNINSTKEY}" "InstallLocation"
    ${If} $3 == "$LOCALAPPDATA\Programs\Dossier"
      StrCpy $INSTDIR "$PROGRAMFILES64\Dossier"
      ${If} $1 != ""
        StrCpy $INSTDIR $1
      ${EndIf}
    ${EndIf}
  ${Else}
    StrCpy $AllUsers 0
    SetShellVarContext current
    ReadRegStr $1 HKCU "${UNINSTKEY}" "InstallLocation"
    ${If} $3 == "$LOCALAPPDATA\Programs\Dossier"
    ${AndIf} $1 != ""
      StrCpy $INSTDIR $1
    ${EndIf}
  ${EndIf}
FunctionEnd

Section "Dossier" SecMain
  SetOutPath "$INSTDIR"
  ; An open copy of the app locks dossier.exe: say so instead of failing.
  ${If} ${FileExists} "$INSTDIR\dossier.exe"
    ClearErrors
    Rename "$INSTDIR\dossier.exe" "$INSTDIR\dossier.exe.old"
    ${If} ${Errors}
      MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "${APPNAME}正在运行。请先关闭它（评选活动的修改都已保存），再点“重试”。" /SD IDCANCEL IDRETRY +2
      Abort "${APPNAME}正在运行，未能升级"
      Rename "$INSTDIR\dossier.exe" "$INSTDIR\dossier.exe.old"
    ${EndIf}
    Delete "$INSTDIR\dossier.exe.old"
  ${EndIf}
  File "${SRC}\dossier.exe"
  File "${SRC}\dossierctl.exe"
  File "${SRC}\dossier.ico"
  File "${SRC}\README.txt"
  File "${SRC}\LICENSE-fonts.txt"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortCut "$SMPROGRAMS\${APPNAME}.lnk" "$INSTDIR\dossier.exe" "" "$INSTDIR\dossier.exe" 0
  CreateShortCut "$DESKTOP\${APPNAME}.lnk" "$INSTDIR\dossier.exe" "" "$INSTDIR\dossier.exe" 0

  ; The .dossier file type, per user (HKCU) or for all (HKLM): SHCTX
  ; follows SetShellVarContext.
  WriteRegStr SHCTX "${CLASSES}\.dossier" "" "${PROGID}"
  WriteRegStr SHCTX "${CLASSES}\.dossier" "Content Type" "application/x-dossier"
  WriteRegStr SHCTX "${CLASSES}\${PROGID}" "" "评选活动文件"
  WriteRegStr SHCTX "${CLASSES}\${PROGID}\DefaultIcon" "" '"$INSTDIR\dossier.exe",0'
  WriteRegStr SHCTX "${CLASSES}\${PROGID}\shell\open\command" "" '"$INSTDIR\dossier.exe" "%1"'
  WriteRegStr SHCTX "${CLASSES}\Applications\dossier.exe\shell\open\command" "" '"$INSTDIR\dossier.exe" "%1"'
  WriteRegStr SHCTX "${CLASSES}\Applications\dossier.exe\SupportedTypes" ".dossier" ""

  WriteRegStr SHCTX "${UNINSTKEY}" "DisplayName" "${APPNAME}"
  WriteRegStr SHCTX "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINSTKEY}" "Publisher" "Dossier"
  WriteRegStr SHCTX "${UNINSTKEY}" "DisplayIcon" '"$INSTDIR\dossier.exe",0'
  WriteRegStr SHCTX "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr SHCTX "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD SHCTX "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINSTKEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD SHCTX "${UNINSTKEY}" "EstimatedSize" $0
  WriteRegStr SHCTX "${UNINSTKEY}" "AllUsers" $AllUsers

  ; Tell Explorer the association changed (SHCNE_ASSOCCHANGED).
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

Function un.onInit
  ; The uninstaller sits in the folder it removes; its scope is the
  ; install's, recorded beside the other uninstall values.
  ReadRegStr $0 HKLM "${UNINSTKEY}" "InstallLocation"
  ${If} $0 == $INSTDIR
    SetShellVarContext all
  ${Else}
    SetShellVarContext current
  ${EndIf}
FunctionEnd

Section "Uninstall"
  ; Only what the installer put there: never a campaign file, never a
  ; folder the user filled (RMDir without /r leaves a non-empty folder).
  Delete "$INSTDIR\dossier.exe"
  Delete "$INSTDIR\dossierctl.exe"
  Delete "$INSTDIR\dossier.ico"
  Delete "$INSTDIR\README.txt"
  Delete "$INSTDIR\LICENSE-fonts.txt"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${APPNAME}.lnk"
  Delete "$DESKTOP\${APPNAME}.lnk"

  ; The file type only while it is still ours (another program may have
  ; taken .dossier over since).
  ReadRegStr $0 SHCTX "${CLASSES}\.dossier" ""
  ${If} $0 == "${PROGID}"
    DeleteRegKey SHCTX "${CLASSES}\.dossier"
  ${EndIf}
  DeleteRegKey SHCTX "${CLASSES}\${PROGID}"
  DeleteRegKey SHCTX "${CLASSES}\Applications\dossier.exe"
  DeleteRegKey SHCTX "${UNINSTKEY}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd
