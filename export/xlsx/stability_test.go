package xlsx

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/dossier-app/dossier/dossier"
)

// The hand-computed campaign of the dossier package's
// TestStabilityHandComputed: three evaluators, one category of 100, no
// trimming, quota 1.
//
//	    甲  乙  丙   mean    without 甲  without 乙  without 丙
//	A   90  60  60   70.00   60.0 (2)    75.0 (1)    75.0 (1)
//	B   50  80  75   68.33   77.5 (1)    62.5 (2)    65.0 (2)
//	C   40  50  55   48.33   52.5 (3)    47.5 (3)    45.0 (3)
//
// A and B lose or gain the recommendation without 甲; mean z-scores put
// B (0.749) before A (0.243) and C (−0.992). D is withdrawn.
func stabilityBook() *dossier.Book {
	b := &dossier.Book{Campaign: dossier.Campaign{ID: "c", Title: "稳定性测试评选", Date: "2024-06-01", Quota: 1, TrimMin: 5},
		Categories: []dossier.Category{{ID: "k1", Name: "优化扩充工程", Max: dossier.Points(100)}}}
	for i, n := range []string{"甲", "乙", "丙"} {
		b.Evaluators = append(b.Evaluators, dossier.Evaluator{ID: "e" + n, Name: n, Position: i})
	}
	for _, u := range []struct {
		code string
		v    [3]dossier.Tenths
	}{{"A", [3]dossier.Tenths{900, 600, 600}}, {"B", [3]dossier.Tenths{500, 800, 750}}, {"C", [3]dossier.Tenths{400, 500, 550}}} {
		b.Units = append(b.Units, dossier.Unit{ID: "u" + u.code, Code: u.code, Name: u.code + "单位", Status: dossier.StatusAccepted})
		for i, e := range b.Evaluators {
			b.Scores = append(b.Scores, dossier.Score{EvaluatorID: e.ID, UnitID: "u" + u.code, CategoryID: "k1", Value: u.v[i]})
		}
	}
	b.Units = append(b.Units, dossier.Unit{ID: "uD", Code: "D", Name: "D单位", Status: dossier.StatusWithdrawn})
	return b
}

// The 排名 sheet carries each unit's 名次范围, 推荐稳定 and 标准化名次 after
// the contract's columns, blank for a unit that is not ranked, and the
// note under the table says what they mean.
func TestSummaryStabilityColumns(t *testing.T) {
	data := summaryBytes(t, stabilityBook())
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	head, _ := f.GetRows(SheetRanking)
	want := []string{"排名", "申报编号", "单位名称", "所属地区", "优化扩充工程(100)", "总分(100)", "有效评分数", "拟推荐", "并列", "说明", "名次范围", "推荐稳定", "标准化名次（仅供参考）"}
	if !reflect.DeepEqual(head[0], want) {
		t.Fatalf("header %q\nwant %q", head[0], want)
	}
	cells := map[string]string{
		"B2": "A", "K2": "1–2", "L2": "否", "M2": "2",
		"B3": "B", "K3": "1–2", "L3": "否", "M3": "1",
		"B4": "C", "K4": "3", "L4": "是", "M4": "3",
		"B5": "D", "K5": "", "L5": "", "M5": "",
	}
	for cell, w := range cells {
		got, err := f.GetCellValue(SheetRanking, cell, excelize.Options{RawCellValue: true})
		if err != nil || got != w {
			t.Errorf("%s = %q (%v), want %q", cell, got, err, w)
		}
	}
	// 标准化名次 is a number cell, so it sorts as one.
	if typ, _ := f.GetCellType(SheetRanking, "M2"); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("M2 is of type %v, want a number", typ)
	}
	note := strings.Join(head[len(head)-1], "")
	if !strings.Contains(note, "仅供参考，不替代按规则确定的排名") || !strings.Contains(note, "“名次范围”为逐一去掉一位评委的评分") {
		t.Errorf("note row %q does not explain the stability columns", note)
	}
	// The filter spans the new columns too.
	if !bytes.Contains(partOf(t, data, "xl/worksheets/sheet1.xml"), []byte(`<autoFilter ref="$A$1:$M$5"`)) {
		t.Error("the filter does not cover the stability columns")
	}
}
