package xlsx

import (
	"errors"
	"strings"
	"testing"
)

// Issue 8 item 5: a renamed material sheet is refused, naming it; a missing
// one is reported as absent (the import keeps that material), an emptied
// one as present.
func TestMissingSheetIsNotEmptySheet(t *testing.T) {
	b := testBook()
	pic := testJPEG(t, 64, 48, 1)

	t.Run("renamed sheets are refused", func(t *testing.T) {
		for _, c := range []struct{ from, to string }{
			{SheetAchievements, "事迹材料（已填）"},
			{SheetIndicators, "量化指标表"},
			{SheetPhotos, "图片（新）"},
		} {
			fl := openFiller(t, filledWorkbook(t, b, pic, pic))
			fl.must(fl.f.SetSheetName(c.from, c.to))
			_, err := readBytes("郑州.xlsx", fl.bytes(), b)
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("%s: not refused: %v", c.to, err)
			}
			want := "文件 郑州.xlsx，工作表“" + c.to + "”：工作表“" + c.to + "”的表头像是“" + c.from + "”，请把工作表改名为“" + c.from + "”"
			if !strings.Contains(err.Error(), want) {
				t.Errorf("%s: message %q lacks %q", c.to, err.Error(), want)
			}
		}
	})
	t.Run("deleted sheets are absent, with a warning", func(t *testing.T) {
		fl := openFiller(t, filledWorkbook(t, b, pic, pic))
		fl.must(fl.f.DeleteSheet(SheetPhotos))
		fl.must(fl.f.DeleteSheet(SheetIndicators))
		sub, err := readBytes("郑州.xlsx", fl.bytes(), b)
		if err != nil {
			t.Fatal(err)
		}
		if !sub.Absent.Photos || !sub.Absent.Values || sub.Absent.Achievements || len(sub.Unit.Achievements) == 0 {
			t.Fatalf("absent = %+v, %d sections", sub.Absent, len(sub.Unit.Achievements))
		}
		w := strings.Join(sub.Warnings, "\n")
		if len(sub.Warnings) != 2 || !strings.Contains(w, "没有工作表“量化指标”") || !strings.Contains(w, "没有工作表“图片”") || !strings.Contains(w, "不会被清除") {
			t.Errorf("warnings = %q", w)
		}
	})
	t.Run("an emptied sheet is present", func(t *testing.T) {
		fl := openFiller(t, templateBytes(t, b))
		fl.basic(LabelName, "郑州市教育局")
		sub, err := readBytes("郑州.xlsx", fl.bytes(), b)
		if err != nil {
			t.Fatal(err)
		}
		if sub.Absent.Photos || sub.Absent.Values || sub.Absent.Achievements || len(sub.Warnings) != 0 {
			t.Errorf("template sheets read as absent: %+v %q", sub.Absent, sub.Warnings)
		}
	})
}
