package xlsx

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/dossier-app/dossier/dossier"
)

// filledWorkbook is the template of b filled the way a unit would: basic
// information, five sections (two in one category, on a row added at the
// end), indicator values typed in every accepted form, a floating picture
// and a WPS in-cell picture.
func filledWorkbook(t testing.TB, b *dossier.Book, pic1, pic2 []byte) []byte {
	t.Helper()
	fl := openFiller(t, templateBytes(t, b))
	fl.basic(LabelCode, "HN2022-009")
	fl.basic(LabelName, "郑州市教育局")
	fl.basic(LabelRegion, "郑州市")
	fl.basic(LabelKind, "教育行政部门")
	fl.basic(LabelRecommender, "郑州市人民政府")
	fl.basic(LabelContact, "王老师")
	fl.basic(LabelPhone, 13800000000)
	fl.basic(LabelTitle, "郑州市高位推进“五大工程” 开创义务教育公平优质新局面")
	fl.basic(LabelSummary, "郑州市深入学习贯彻习近平总书记关于教育的重要论述。\n\n重点实施“五大工程”。")
	fl.section("优化扩充工程", "坚持“增学位、补短板”，实施优化扩充工程", "　　完善学校布局规划。\r\n加强中小学校建设，新增学位27.6万个。")
	fl.section("增效创优工程", "坚持“提质量、促公平”，实施增效创优工程", "落实立德树人根本任务。")
	fl.section("优化扩充工程", "持续改善办学条件", "改造校舍面积103万平方米。")
	fl.value("新增学位", "27.6万", "")
	fl.value("累计投资", 166, "十三五期间")
	fl.value("新建改扩建学校", "１７７", "")
	fl.value("大班额比例", "6.66%", "2021年")
	fl.value("校本课程", "1,200", "")
	fl.value("市级以上奖项", "3.5万", "")
	r := fl.value("集团化办学覆盖率", 0.0666, "")
	pct, err := fl.f.NewStyle(&excelize.Style{NumFmt: 10})
	fl.must(err)
	fl.must(fl.f.SetCellStyle(SheetIndicators, cellName(4, r), cellName(4, r), pct))
	fl.value("教育集团", 1200, "")
	fl.value("培养名师骨干", "２７．６", "")
	fl.value("教师培训", "12.3万人次", "")
	fl.value("资助金额", "1.2亿", "含社会捐助")
	fl.value("课后服务覆盖率", "98.5", "")
	fl.value("新增学位（万个）", "27.6", "")
	fl.picture(1, "优化扩充工程", "新建的郑州市第一百中学", pic1)
	r = fl.find(SheetPhotos, 1, "2")
	fl.set(SheetPhotos, cellName(3, r), "课后服务")
	return addWPSPicture(t, fl.bytes(), cellName(4, r), "ID_9F3A2C1B", pic2)
}

func TestRoundTrip(t *testing.T) {
	b := testBook()
	pic1, pic2 := testJPEG(t, 640, 480, 1), testJPEG(t, 320, 240, 2)
	data := filledWorkbook(t, b, pic1, pic2)
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	sub, err := readBytes("郑州.xlsx", data, b)
	if err != nil {
		t.Fatal(err)
	}
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Errorf("reading left temporary files: %v", left)
	}
	u := sub.Unit
	if sub.File != "郑州.xlsx" {
		t.Errorf("File %q", sub.File)
	}
	basic := map[string][2]string{
		"Code":        {u.Code, "HN2022-009"},
		"Name":        {u.Name, "郑州市教育局"},
		"Region":      {u.Region, "郑州市"},
		"Kind":        {u.Kind, "教育行政部门"},
		"Recommender": {u.Recommender, "郑州市人民政府"},
		"Contact":     {u.Contact, "王老师"},
		"Phone":       {u.Phone, "13800000000"},
		"Title":       {u.Title, "郑州市高位推进“五大工程” 开创义务教育公平优质新局面"},
		"Summary":     {u.Summary, "郑州市深入学习贯彻习近平总书记关于教育的重要论述。\n重点实施“五大工程”。"},
	}
	for field, v := range basic {
		if v[0] != v[1] {
			t.Errorf("%s = %q, want %q", field, v[0], v[1])
		}
	}
	if u.ID != "" || u.Status != "" || u.Revision != 0 {
		t.Errorf("ID/Status/Revision set by the reader: %q %q %d", u.ID, u.Status, u.Revision)
	}
	wantSections := []dossier.Achievement{
		{CategoryID: "c1", Heading: "坚持“增学位、补短板”，实施优化扩充工程", Body: "完善学校布局规划。\n加强中小学校建设，新增学位27.6万个。"},
		{CategoryID: "c1", Heading: "持续改善办学条件", Body: "改造校舍面积103万平方米。"},
		{CategoryID: "c2", Heading: "坚持“提质量、促公平”，实施增效创优工程", Body: "落实立德树人根本任务。"},
	}
	if !reflect.DeepEqual(u.Achievements, wantSections) {
		t.Errorf("achievements\n got %q\nwant %q", u.Achievements, wantSections)
	}
	wantValues := map[string]dossier.IndicatorValue{
		"c1-i1": {Value: 276000},
		"c1-i2": {Value: 166, Note: "十三五期间"},
		"c1-i3": {Value: 177},
		"c1-i4": {Value: 6.66, Note: "2021年"},
		"c2-i1": {Value: 1200},
		"c2-i2": {Value: 3.5},
		"c3-i1": {Value: 6.66},
		"c3-i2": {Value: 1200},
		"c4-i1": {Value: 27.6},
		"c4-i2": {Value: 12.3},
		"c5-i1": {Value: 12000, Note: "含社会捐助"},
		"c5-i2": {Value: 98.5},
		"c5-i3": {Value: 27.6},
	}
	if len(u.Values) != len(wantValues) {
		t.Errorf("%d values, want %d: %+v", len(u.Values), len(wantValues), u.Values)
	}
	for _, v := range u.Values {
		w, ok := wantValues[v.IndicatorID]
		if !ok || v.Value != w.Value || v.Note != w.Note {
			t.Errorf("%s = %v %q, want %v %q", v.IndicatorID, v.Value, v.Note, w.Value, w.Note)
		}
	}
	if len(u.Photos) != 2 {
		t.Fatalf("%d photos, want 2", len(u.Photos))
	}
	p := u.Photos[0]
	if p.CategoryID != "c1" || p.Caption != "新建的郑州市第一百中学" || p.Format != "jpeg" || p.Width != 640 || p.Height != 480 || !bytes.Equal(p.Data, pic1) {
		t.Errorf("floating picture: %q %q %s %d×%d, same data %v", p.CategoryID, p.Caption, p.Format, p.Width, p.Height, bytes.Equal(p.Data, pic1))
	}
	p = u.Photos[1]
	if p.CategoryID != "" || p.Caption != "课后服务" || p.Width != 320 || p.Height != 240 || !bytes.Equal(p.Data, pic2) {
		t.Errorf("WPS picture: %q %q %d×%d, same data %v", p.CategoryID, p.Caption, p.Width, p.Height, bytes.Equal(p.Data, pic2))
	}

	t.Run("from a file", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "郑州市教育局.xlsx")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		sub2, err := ReadSubmission(path, b)
		if err != nil {
			t.Fatal(err)
		}
		if sub2.File != path || !reflect.DeepEqual(sub2.Unit, sub.Unit) {
			t.Error("reading the file differs from reading the bytes")
		}
	})
	t.Run("blank template is refused for its missing name only", func(t *testing.T) {
		_, err := readBytes("空白.xlsx", templateBytes(t, b), b)
		var fe *FileError
		if !errors.As(err, &fe) || len(fe.Problems) != 1 {
			t.Fatalf("error %v", err)
		}
		want := "文件 空白.xlsx，工作表“基本信息”，单元格 B2：“单位名称”为必填项，请填写单位全称"
		if got := fe.Problems[0].String(); got != want {
			t.Errorf("got  %s\nwant %s", got, want)
		}
	})
}

func TestTemplate(t *testing.T) {
	b := testBook()
	f, err := excelize.OpenReader(bytes.NewReader(templateBytes(t, b)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got, want := f.GetSheetList(), []string{SheetGuide, SheetBasic, SheetAchievements, SheetIndicators, SheetPhotos}; !reflect.DeepEqual(got, want) {
		t.Fatalf("sheets %q, want %q", got, want)
	}
	cell := func(sheet, c string) string {
		v, err := f.GetCellValue(sheet, c)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	rows := func(sheet string) [][]string {
		r, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	t.Run("填报说明 holds the title and the version", func(t *testing.T) {
		var title, version bool
		for _, r := range rows(SheetGuide) {
			if len(r) >= 2 && r[0] == "评选活动" && r[1] == b.Campaign.Title {
				title = true
			}
			if len(r) >= 2 && r[0] == "模板版本" && r[1] == TemplateVersion {
				version = true
			}
		}
		if !title || !version {
			t.Errorf("title %v version %v", title, version)
		}
	})
	t.Run("基本信息 labels in column A", func(t *testing.T) {
		for i, l := range basicLabels {
			if got := cell(SheetBasic, cellName(1, i+1)); got != l {
				t.Errorf("A%d = %q, want %q", i+1, got, l)
			}
		}
	})
	t.Run("table headers and pre-filled rows", func(t *testing.T) {
		for sheet, want := range map[string][]string{
			SheetAchievements: {"类别", "标题", "正文"},
			SheetIndicators:   {"类别", "指标", "计量单位", "数值", "说明"},
			SheetPhotos:       {"序号", "类别", "图片说明"},
		} {
			if got := rows(sheet)[0][:len(want)]; !reflect.DeepEqual(got, want) {
				t.Errorf("%s header %q, want %q", sheet, got, want)
			}
		}
		r := rows(SheetAchievements)
		for i, c := range b.Categories {
			if r[i+1][0] != c.Name {
				t.Errorf("事迹材料 row %d: %q, want %q", i+2, r[i+1][0], c.Name)
			}
		}
		r = rows(SheetIndicators)
		n := 1
		for _, c := range b.Categories {
			for _, ind := range c.Indicators {
				if got := r[n][:3]; !reflect.DeepEqual(got, []string{c.Name, ind.Name, ind.Unit}) {
					t.Errorf("量化指标 row %d: %q", n+1, got)
				}
				n++
			}
		}
	})
	t.Run("dropdowns and checks", func(t *testing.T) {
		has := func(sheet, sqref, typ string) *excelize.DataValidation {
			dvs, err := f.GetDataValidations(sheet)
			if err != nil {
				t.Fatal(err)
			}
			for _, dv := range dvs {
				if strings.HasPrefix(dv.Sqref, sqref) && dv.Type == typ {
					return dv
				}
			}
			t.Errorf("%s: no %s validation on %s", sheet, typ, sqref)
			return nil
		}
		if dv := has(SheetAchievements, "A2:", "list"); dv != nil && !strings.Contains(dv.Formula1, "优化扩充工程") {
			t.Errorf("类别 list %q", dv.Formula1)
		}
		has(SheetPhotos, "B2:", "list")
		if dv := has(SheetBasic, "B4", "list"); dv != nil && !strings.Contains(dv.Formula1, "教育行政部门") {
			t.Errorf("单位类型 list %q", dv.Formula1)
		}
		if dv := has(SheetIndicators, "D2:", "decimal"); dv != nil && (dv.PromptTitle == nil || *dv.Prompt == "") {
			t.Error("数值 has no input hint")
		}
	})
	t.Run("widths and wrapping", func(t *testing.T) {
		if w, _ := f.GetColWidth(SheetAchievements, "C"); w < 80 {
			t.Errorf("正文 column width %v", w)
		}
		id, _ := f.GetCellStyle(SheetAchievements, "C2")
		st, _ := f.GetStyle(id)
		if st == nil || st.Alignment == nil || !st.Alignment.WrapText {
			t.Error("正文 cells do not wrap")
		}
	})
	t.Run("no formula anywhere", func(t *testing.T) {
		for _, sheet := range f.GetSheetList() {
			for i, r := range rows(sheet) {
				for j := range r {
					if fm, _ := f.GetCellFormula(sheet, cellName(j+1, i+1)); fm != "" {
						t.Errorf("%s!%s has formula %q", sheet, cellName(j+1, i+1), fm)
					}
				}
			}
		}
	})
}
