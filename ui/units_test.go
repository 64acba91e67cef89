package ui

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/dossier-app/dossier/dossier"
)

func TestUnits(t *testing.T) {
	a, _ := newTestApp(t)
	s := newTestCampaign(t, a)
	ctx := context.Background()
	a.ShowScreen(ScreenUnits)
	ut := s.screen(ScreenUnits).(*unitsTab)

	if code := ut.nextCode(); code != "2022-0001" {
		t.Errorf("next code %s", code)
	}
	u, err := ut.add(dossier.Unit{Code: ut.nextCode(), Name: "郑州市教育局", Region: "郑州市", Kind: "市级教育行政部门"})
	if err != nil {
		t.Fatal(err)
	}
	if ut.editor == nil || ut.editor.unit.ID != u.ID {
		t.Fatal("editor not opened on the new unit")
	}
	if got := ut.count.Text; got != "共 1 个单位" {
		t.Errorf("count %q", got)
	}

	t.Run("achievement typed is stored", func(t *testing.T) {
		ed := ut.editor
		p := ed.panes[0]
		sec := p.sections[0]
		test.Type(sec.heading, "坚持“增学位、补短板”，实施优化扩充工程")
		test.Type(sec.body, "新建、改扩建中小学校 133 所。")
		sec.body.TypedKey(&fyneKeyReturn)
		test.Type(sec.body, "新增学位 27.6 万个。")
		if !strings.Contains(sec.count.Text, "2 段") {
			t.Errorf("count %q", sec.count.Text)
		}
		sec.body.FocusLost()
		got, _ := s.store.Unit(ctx, u.ID)
		if len(got.Achievements) != 1 {
			t.Fatalf("achievements %+v", got.Achievements)
		}
		ach := got.Achievements[0]
		if ach.CategoryID != p.cat.ID || ach.Heading != "坚持“增学位、补短板”，实施优化扩充工程" ||
			len(ach.Paragraphs()) != 2 || ach.Paragraphs()[1] != "新增学位 27.6 万个。" {
			t.Errorf("achievement %+v", ach)
		}
		// A second section, moved first.
		sec2 := ed.addSection(p)
		test.Type(sec2.heading, "第二节")
		test.Type(sec2.body, "正文二")
		sec2.body.FocusLost()
		ed.moveSection(p, 1, -1)
		got, _ = s.store.Unit(ctx, u.ID)
		if len(got.Achievements) != 2 || got.Achievements[0].Heading != "第二节" {
			t.Errorf("sections %+v", got.Achievements)
		}
	})

	t.Run("indicator values are validated as typed", func(t *testing.T) {
		ed := ut.editor
		var v *valueEdit
		for _, x := range ed.panes[0].values {
			if x.ind.Unit == "个" {
				v = x
				break
			}
		}
		if v == nil {
			t.Skip("no indicator counted in 个 in the defaults")
		}
		test.Type(v.entry, "27.6万")
		v.entry.FocusLost()
		got, _ := s.store.Unit(ctx, u.ID)
		if len(got.Values) != 1 || got.Values[0].Value != 276000 {
			t.Fatalf("values %+v", got.Values)
		}
		if !v.msg.Visible() || !strings.Contains(v.msg.Text, "276000") {
			t.Errorf("conversion not shown: %q", v.msg.Text)
		}
		v.entry.SetText("约27万")
		v.entry.FocusLost()
		if !v.msg.Visible() || !strings.Contains(v.msg.Text, "约数") {
			t.Errorf("message %q", v.msg.Text)
		}
		got, _ = s.store.Unit(ctx, u.ID)
		if len(got.Values) != 1 || got.Values[0].Value != 276000 {
			t.Errorf("an invalid value changed the stored one: %+v", got.Values)
		}
		if v.entry.Text != "约27万" {
			t.Error("typed text lost")
		}
		// Text that is not a value is an unsaved edit, which leaving the
		// unit asks about.
		if !s.errs.has("unit:" + u.ID + ":value:" + v.ind.ID) {
			t.Error("the invalid value is not listed as unsaved")
		}
		v.entry.SetText("27.6万")
		v.entry.FocusLost()
		if s.errs.hasPrefix("") {
			t.Errorf("still unsaved after a valid value: %q", s.errs.Message())
		}
	})

	t.Run("photos", func(t *testing.T) {
		ed := ut.editor
		img := image.NewRGBA(image.Rect(0, 0, 64, 48))
		for i := range img.Pix {
			img.Pix[i] = uint8(i)
		}
		img.Set(1, 1, color.RGBA{255, 0, 0, 255})
		var buf bytes.Buffer
		png.Encode(&buf, img)
		path := filepath.Join(t.TempDir(), "新建学校.png")
		os.WriteFile(path, buf.Bytes(), 0o644)
		if err := ed.addPhotoFile(path); err != nil {
			t.Fatal(err)
		}
		if err := ed.addPhotoFile(path); err != nil {
			t.Fatal(err)
		}
		got, _ := s.store.Unit(ctx, u.ID)
		if len(got.Photos) != 2 || got.Photos[0].Caption != "新建学校" {
			t.Fatalf("photos %+v", len(got.Photos))
		}
		ed.photos[1].Caption = "第二张"
		ed.movePhoto(1, -1)
		got, _ = s.store.Unit(ctx, u.ID)
		if got.Photos[0].Caption != "第二张" {
			t.Errorf("photo order %q", got.Photos[0].Caption)
		}
		ed.removePhoto(0)
		got, _ = s.store.Unit(ctx, u.ID)
		if len(got.Photos) != 1 {
			t.Errorf("%d photos after removal", len(got.Photos))
		}
		if ed.photoTab.Text != "图片（1）" {
			t.Errorf("photo tab %q", ed.photoTab.Text)
		}
		// A file that is not a picture is refused with a message.
		txt := filepath.Join(t.TempDir(), "说明.png")
		os.WriteFile(txt, []byte("not a picture"), 0o644)
		if err := ed.addPhotoFile(txt); err == nil || !strings.Contains(dossier.ErrorMessage(err), "图片") {
			t.Errorf("err %v", err)
		}
	})

	t.Run("a failed write is shown and nothing typed is lost", func(t *testing.T) {
		other, err := ut.add(dossier.Unit{Code: "2022-0002", Name: "开封市教育局", Region: "开封市"})
		if err != nil {
			t.Fatal(err)
		}
		ed := ut.editor
		if ed.unit.ID != other.ID {
			t.Fatal("editor not on the new unit")
		}
		ed.code.SetText("2022-0001") // taken by 郑州市教育局
		ed.code.FocusLost()
		msg := s.errs.Message()
		if !strings.Contains(msg, "未能保存") || !strings.Contains(msg, "2022-0001") || !s.errs.box.Visible() {
			t.Errorf("error bar %q", msg)
		}
		if ed.code.Text != "2022-0001" {
			t.Error("typed code lost")
		}
		// The list refreshing does not overwrite the editor either, and
		// another unit cannot be opened over the unsaved text.
		ut.refresh()
		if ed.code.Text != "2022-0001" || ut.editor != ed {
			t.Error("refresh replaced the editor")
		}
		ut.open(u.ID)
		if ut.editor != ed || !strings.Contains(overlayTexts(a), "有未保存的修改") || !strings.Contains(overlayTexts(a), "申报编号") {
			t.Error("left a unit whose edit did not save")
		}
		tapOverlayButton(t, a, "取消")
		ed.code.SetText("2022-0003")
		ed.code.FocusLost()
		if msg := s.errs.Message(); msg != "" {
			t.Errorf("error bar after the fix: %q", msg)
		}
		got, _ := s.store.Unit(ctx, other.ID)
		if got.Code != "2022-0003" {
			t.Errorf("code %s", got.Code)
		}
		if ut.all[len(ut.all)-1].Code != "2022-0003" {
			t.Error("list not updated")
		}
	})

	t.Run("the editor follows the categories", func(t *testing.T) {
		a.ShowScreen(ScreenSettings)
		st := s.screen(ScreenSettings).(*settingsTab)
		if err := st.addCategory("特色创新工程", "", "10"); err != nil {
			t.Fatal(err)
		}
		a.ShowScreen(ScreenUnits)
		if n := len(ut.editor.panes); n != 6 {
			t.Errorf("editor has %d category tabs after adding one, want 6", n)
		}
	})

	t.Run("status and search", func(t *testing.T) {
		ed := ut.editor
		ed.status.SetSelected(string(dossier.StatusPending))
		got, _ := s.store.Unit(ctx, ed.unit.ID)
		if got.Status != dossier.StatusPending {
			t.Errorf("status %s", got.Status)
		}
		test.Type(ut.search, "开封")
		if len(ut.shown) != 1 || ut.all[ut.shown[0]].Name != "开封市教育局" {
			t.Errorf("search shows %v", ut.shown)
		}
		ut.search.SetText("")
		ut.statusSel.SetSelected(string(dossier.StatusAccepted))
		if len(ut.shown) != 1 || ut.all[ut.shown[0]].Name != "郑州市教育局" {
			t.Errorf("status filter shows %v", ut.shown)
		}
		ut.statusSel.SetSelected(allStatuses)
		ut.search.SetText("ZZZ")
		if len(ut.shown) != 0 || !strings.Contains(ut.count.Text, "显示 0 个") {
			t.Errorf("count %q", ut.count.Text)
		}
		ut.search.SetText("")
	})
}
