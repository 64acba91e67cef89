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

// scoreBook is testBook with a withdrawn unit, a score and a comment of 张评委
// already recorded. 张评委 (郑州市) must not score 郑州市教育局 nor 郑州市金水区教育局.
func scoreBook() *dossier.Book {
	b := testBook()
	b.Units = append(b.Units, dossier.Unit{ID: "u5", Code: "HN2022-005", Name: "已撤回单位", Status: dossier.StatusWithdrawn})
	b.Scores = append(b.Scores, dossier.Score{EvaluatorID: "e1", UnitID: "u2", CategoryID: "c1", Value: 150})
	b.Comments = append(b.Comments, dossier.Comment{EvaluatorID: "e1", UnitID: "u2", Text: "=材料翔实"})
	return b
}

func scoreSheetBytes(t testing.TB, b *dossier.Book, evaluator string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteScoreSheet(&buf, b, evaluator); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func readScoreBytes(name string, data []byte, b *dossier.Book) (*dossier.ScoreSheet, error) {
	return readScoreSheet(name, bytes.NewReader(data), int64(len(data)), b)
}

func TestWriteScoreSheet(t *testing.T) {
	b := scoreBook()
	f, err := excelize.OpenReader(bytes.NewReader(scoreSheetBytes(t, b, "e1")))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	get := func(sheet, cell string) string {
		v, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for cell, want := range map[string]string{
		"A1": "评委姓名", "B1": "张评委", "A2": "评选活动", "B2": b.Campaign.Title, "A3": "校验码", "B3": dossier.CheckCode("camp-1", "e1"),
	} {
		if got := get(SheetEvaluator, cell); got != want {
			t.Errorf("评委信息!%s = %q, want %q", cell, got, want)
		}
	}
	rows, _ := f.GetRows(SheetScores)
	wantHeader := []string{"申报编号", "单位名称", "优化扩充工程(20)", "增效创优工程(20)", "改革攻坚工程(20)", "队伍提升工程(20)", "惠民暖心工程(20)", "合计", "备注"}
	if got := rows[0][:len(wantHeader)]; !reflect.DeepEqual(got, wantHeader) {
		t.Errorf("header %q", got)
	}
	var codes []string
	for _, r := range rows[1:] {
		codes = append(codes, r[0])
	}
	if want := []string{"HN2022-001", "HN2022-002", "HN2022-003", "HN2022-004"}; !reflect.DeepEqual(codes, want) {
		t.Errorf("rows %q, want %q (withdrawn unit omitted)", codes, want)
	}
	if get(SheetScores, "C3") != "15" || get(SheetScores, "I3") != "=材料翔实" {
		t.Errorf("existing score/comment not filled in: %q %q", get(SheetScores, "C3"), get(SheetScores, "I3"))
	}
	if fm, _ := f.GetCellFormula(SheetScores, "I3"); fm != "" {
		t.Errorf("comment written as formula %q", fm)
	}
	if fm, _ := f.GetCellFormula(SheetScores, "H3"); !strings.Contains(fm, "SUM(C3:G3)") {
		t.Errorf("合计 formula %q", fm)
	}
	style := func(cell string) *excelize.Style {
		id, err := f.GetCellStyle(SheetScores, cell)
		if err != nil {
			t.Fatal(err)
		}
		s, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	for _, c := range []string{"C2", "G2", "C4"} { // 郑州市教育局, 郑州市金水区教育局: 回避
		s := style(c)
		if s.Protection == nil || !s.Protection.Locked || len(s.Fill.Color) == 0 || s.Fill.Color[0] != "D9D9D9" {
			t.Errorf("%s is not grey and locked: %+v %+v", c, s.Protection, s.Fill)
		}
	}
	if v := get(SheetScores, "J2"); !strings.HasPrefix(v, "回避：") {
		t.Errorf("conflict not explained: %q", v)
	}
	for _, c := range []string{"C3", "G3", "I3", "C5"} {
		if s := style(c); s.Protection == nil || s.Protection.Locked {
			t.Errorf("%s is locked", c)
		}
	}
	if p, err := f.GetSheetProtection(SheetScores); err != nil || !p.SelectUnlockedCells {
		t.Errorf("sheet not protected: %+v %v", p, err)
	}
	dvs, _ := f.GetDataValidations(SheetScores)
	found := false
	for _, dv := range dvs {
		if strings.HasPrefix(dv.Sqref, "C2:C5") && dv.Type == "decimal" && dv.Formula1 == "0" && dv.Formula2 == "20" {
			found = true
		}
	}
	if !found {
		t.Errorf("no 0..20 decimal validation on C2:C5: %+v", dvs)
	}
	if err := WriteScoreSheet(&bytes.Buffer{}, b, "nobody"); dossier.ErrorCode(err) != dossier.ENOTFOUND {
		t.Errorf("unknown evaluator: %v", err)
	}
}

// fillScores opens a score workbook, applies fn and returns the bytes.
func fillScores(t *testing.T, data []byte, fn func(f *excelize.File)) []byte {
	t.Helper()
	return edit(t, data, func(f *excelize.File) error {
		if err := f.UnprotectSheet(SheetScores); err != nil {
			return err
		}
		fn(f)
		return nil
	})
}

func TestReadScoreSheet(t *testing.T) {
	b := scoreBook()
	blank := scoreSheetBytes(t, b, "e2")
	filled := fillScores(t, blank, func(f *excelize.File) {
		f.SetCellValue(SheetScores, "C2", 18.5)
		f.SetCellValue(SheetScores, "D2", "１９")
		f.SetCellValue(SheetScores, "G2", "17.0分")
		f.SetCellValue(SheetScores, "I2", "材料翔实，\n成效显著")
		f.SetCellValue(SheetScores, "C3", 0)
		f.SetCellValue(SheetScores, "H3", "乱写的合计")
	})
	path := filepath.Join(t.TempDir(), "李评委.xlsx")
	if err := os.WriteFile(path, filled, 0o644); err != nil {
		t.Fatal(err)
	}
	ss, err := ReadScoreSheet(path, b)
	if err != nil {
		t.Fatal(err)
	}
	if ss.File != path || ss.Evaluator != "李评委" || ss.Campaign != b.Campaign.Title || ss.Check != dossier.CheckCode("camp-1", "e2") {
		t.Errorf("info %q %q %q %q", ss.File, ss.Evaluator, ss.Campaign, ss.Check)
	}
	want := []dossier.ScoreRow{
		{Cell: "A2", Code: "HN2022-001", Values: []dossier.ScoreCell{{Cell: "C2", CategoryID: "c1", Value: 185}, {Cell: "D2", CategoryID: "c2", Value: 190}, {Cell: "G2", CategoryID: "c5", Value: 170}},
			Comment: "材料翔实，\n成效显著", HasComment: true, Filled: true},
		{Cell: "A3", Code: "HN2022-002", Values: []dossier.ScoreCell{{Cell: "C3", CategoryID: "c1", Value: 0}}, Filled: true},
		{Cell: "A4", Code: "HN2022-003"},
		{Cell: "A5", Code: "HN2022-004"},
	}
	if !reflect.DeepEqual(ss.Rows, want) {
		t.Errorf("rows\n got %+v\nwant %+v", ss.Rows, want)
	}

	t.Run("refused whole, every bad cell named", func(t *testing.T) {
		bad := fillScores(t, filled, func(f *excelize.File) {
			f.SetCellValue(SheetScores, "C3", 25)
			f.SetCellValue(SheetScores, "D3", 18.55)
			f.SetCellValue(SheetScores, "E3", "十八")
			f.SetCellValue(SheetScores, "F3", "18.55")
			f.SetCellFormula(SheetScores, "G3", "10+5")
			f.SetCellValue(SheetScores, "C4", -1)
		})
		ss, err := readScoreBytes("李评委.xlsx", bad, b)
		var fe *FileError
		if ss != nil || !errors.As(err, &fe) {
			t.Fatalf("accepted: %v", err)
		}
		want := map[string]string{
			"C3": "分值 25 超出范围，“优化扩充工程”应在 0 到 20 之间",
			"D3": "“18.55”超过一位小数",
			"E3": "“十八”不是分数",
			"F3": "“18.55”超过一位小数",
			"G3": "评分单元格含有公式（=10+5）",
			"C4": "分值 -1 超出范围",
		}
		got := map[string]string{}
		for _, p := range fe.Problems {
			if p.Sheet != SheetScores || p.File != "李评委.xlsx" {
				t.Errorf("problem %s", p)
			}
			got[p.Cell] = p.Message
		}
		for cell, msg := range want {
			if !strings.Contains(got[cell], msg) {
				t.Errorf("%s: %q, want %q", cell, got[cell], msg)
			}
		}
		if len(fe.Problems) != len(want) {
			t.Errorf("%d problems:\n%s", len(fe.Problems), fe.Error())
		}
	})
	t.Run("full-width brackets and bare names in headers", func(t *testing.T) {
		data := fillScores(t, filled, func(f *excelize.File) {
			f.SetCellStr(SheetScores, "C1", "优化扩充工程（20）")
			f.SetCellStr(SheetScores, "D1", "增效创优工程")
			f.SetCellStr(SheetScores, "E1", "改革攻坚工程（２０分）")
		})
		got, err := readScoreBytes("x.xlsx", data, b)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got.Rows, ss.Rows) {
			t.Errorf("rows differ: %+v", got.Rows)
		}
	})
	t.Run("unknown header and unit", func(t *testing.T) {
		data := fillScores(t, filled, func(f *excelize.File) {
			f.SetCellStr(SheetScores, "F1", "不存在工程(20)")
			f.SetCellStr(SheetScores, "A5", "HN9999")
		})
		_, err := readScoreBytes("x.xlsx", data, b)
		if err == nil || !strings.Contains(err.Error(), "单元格 F1：表头“不存在工程(20)”不是本次评选的类别") ||
			!strings.Contains(err.Error(), "单元格 A5：申报编号“HN9999”不是本次评选的单位") {
			t.Errorf("error %v", err)
		}
	})
	t.Run("wrong 校验码 is read as it stands", func(t *testing.T) {
		data := edit(t, filled, func(f *excelize.File) error {
			f.UnprotectSheet(SheetEvaluator)
			return f.SetCellStr(SheetEvaluator, "B3", "0000000000")
		})
		got, err := readScoreBytes("x.xlsx", data, b)
		if err != nil {
			t.Fatal(err)
		}
		if got.Check != "0000000000" || got.Check == dossier.CheckCode(b.Campaign.ID, "e2") {
			t.Errorf("Check %q", got.Check)
		}
	})
	t.Run("hostile file", func(t *testing.T) {
		bomb := withEntries(t, filled, map[string]*entry{"xl/styles.xml": {method: 8, raw: zeroBlocks(2048), size: 2048 << 20}})
		path := filepath.Join(t.TempDir(), "炸弹.xlsx")
		os.WriteFile(path, bomb, 0o644)
		_, err := ReadScoreSheet(path, b)
		var fe *FileError
		if !errors.As(err, &fe) || !strings.Contains(err.Error(), "疑似“压缩炸弹”") || fe.File != path {
			t.Errorf("error %v", err)
		}
	})
	t.Run("not a score workbook", func(t *testing.T) {
		_, err := readScoreBytes("申报表.xlsx", templateBytes(t, b), b)
		if err == nil || !strings.Contains(err.Error(), "缺少工作表“评委信息”") {
			t.Errorf("error %v", err)
		}
	})
}
