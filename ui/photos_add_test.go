package ui

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/dossier-app/dossier/dossier"
)

// TestPhotosAddedSeveralAtOnce is issue 11 item 14: 添加图片… takes several
// files; each one that is not a picture is named with its reason, and the
// others are still added, in the order chosen, in one write.
func TestPhotosAddedSeveralAtOnce(t *testing.T) {
	a, p := newTestApp(t)
	s := newTestCampaign(t, a)
	ctx := context.Background()
	a.ShowScreen(ScreenUnits)
	ut := s.screen(ScreenUnits).(*unitsTab)
	u, err := ut.add(dossier.Unit{Code: "2022-0001", Name: "郑州市教育局"})
	if err != nil {
		t.Fatal(err)
	}
	ed := ut.editor
	dir := t.TempDir()
	picture := func(name string, w int) string {
		img := image.NewRGBA(image.Rect(0, 0, w, 48))
		for i := range img.Pix {
			img.Pix[i] = uint8(i * 3)
		}
		img.Set(1, 1, color.RGBA{255, 0, 0, 255})
		var buf bytes.Buffer
		png.Encode(&buf, img)
		path := filepath.Join(dir, name)
		os.WriteFile(path, buf.Bytes(), 0o644)
		return path
	}
	bad := filepath.Join(dir, "坏图.jpg")
	os.WriteFile(bad, []byte("这不是图片"), 0o644)
	p.many = []string{picture("校门.png", 64), bad, picture("操场.png", 80), filepath.Join(dir, "已删除.png")}
	before, _ := s.store.Unit(ctx, u.ID)

	ed.tabs.SelectIndex(len(ed.tabs.Items) - 1) // 图片
	var add *widget.Button
	for _, o := range objects(ed.tabs.Selected().Content) {
		if b, ok := o.(*widget.Button); ok && b.Text == "添加图片…" {
			add = b
		}
	}
	if add == nil {
		t.Fatal("no 添加图片… button on the photos tab")
	}
	test.Tap(add)
	s.jobs.Wait()

	var captions []string
	for _, ph := range ed.photos {
		captions = append(captions, ph.Caption)
	}
	if !reflect.DeepEqual(captions, []string{"校门", "操场"}) {
		t.Errorf("photos in the editor: %v", captions)
	}
	got, _ := s.store.Unit(ctx, u.ID)
	if len(got.Photos) != 2 || got.Photos[1].Width != 80 {
		t.Errorf("stored photos: %d", len(got.Photos))
	}
	if got.Version != before.Version+1 {
		t.Errorf("the photos took %d writes, want one", got.Version-before.Version)
	}
	msg := overlayTexts(a)
	for _, want := range []string{"2 个文件未能添加为图片", "其余 2 张已添加", "坏图.jpg：", "已删除.png"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q:\n%s", want, msg)
		}
	}
	if strings.Contains(msg, "校门.png") {
		t.Errorf("a photo that was added is listed as refused:\n%s", msg)
	}
}
