package dossier

import (
	"errors"
	"strings"
	"testing"
)

func scorePlanBook() *Book {
	return &Book{
		Campaign:   Campaign{ID: "camp-1", Title: "评选"},
		Categories: []Category{{ID: "c1", Name: "优化扩充工程", Max: 200}, {ID: "c2", Name: "增效创优工程", Max: 200}},
		Units: []Unit{
			{ID: "u1", Code: "A-1", Name: "郑州市教育局", Region: "郑州市"},
			{ID: "u2", Code: "A-2", Name: "开封市教育局", Region: "开封市"},
		},
		Evaluators: []Evaluator{{ID: "e1", Name: "张三", Region: "郑州市"}, {ID: "e2", Name: "李四"}},
	}
}

func TestPlanScoreSheet(t *testing.T) {
	b := scorePlanBook()
	good := func() *ScoreSheet {
		return &ScoreSheet{File: "评分表.xlsx", Evaluator: "张三", Check: CheckCode("camp-1", "e1"), Rows: []ScoreRow{
			{Cell: "A5", Code: "A-1", Values: []ScoreCell{{Cell: "C5", CategoryID: "c1", Value: 150}}, Filled: true},
			{Cell: "A6", Code: "a-2", Values: []ScoreCell{{Cell: "C6", CategoryID: "c1", Value: 185}, {Cell: "D6", CategoryID: "c2", Value: 200}}, Filled: true},
		}}
	}
	t.Run("accepted, 回避 row ignored", func(t *testing.T) {
		p, err := PlanScoreSheet(b, good())
		if err != nil {
			t.Fatal(err)
		}
		if p.Evaluator.ID != "e1" || len(p.Rows) != 1 || p.Rows[0].Unit.ID != "u2" || len(p.Rows[0].Row.Values) != 2 {
			t.Fatalf("plan %+v", p)
		}
		want := "文件 评分表.xlsx，工作表“评分”，第 5 行：评委“张三”须回避单位 A-1 郑州市教育局（评委与单位同属郑州市），该行评分已忽略"
		if len(p.Ignored) != 1 || p.Ignored[0].Row != 5 || !strings.HasPrefix(p.Ignored[0].String(), "文件 评分表.xlsx，工作表“评分”，第 5 行：评委“张三”须回避单位 A-1 郑州市教育局（") {
			t.Errorf("ignored %v, want like %s", p.Ignored, want)
		}
	})
	refused := func(t *testing.T, sh *ScoreSheet, want ...string) {
		t.Helper()
		p, err := PlanScoreSheet(b, sh)
		var fe *FileError
		if !errors.As(err, &fe) || p != nil {
			t.Fatalf("not refused: %v %v", p, err)
		}
		got := ProblemLines(fe.Problems)
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
	t.Run("unknown evaluator", func(t *testing.T) {
		sh := good()
		sh.Evaluator = "王五"
		refused(t, sh, "文件 评分表.xlsx，工作表“评委信息”，单元格 B1：评委“王五”不在本评选活动的评委名单中，整份评分表未导入")
	})
	t.Run("wrong check code", func(t *testing.T) {
		sh := good()
		sh.Check = CheckCode("camp-1", "e2")
		refused(t, sh, "文件 评分表.xlsx，工作表“评委信息”，单元格 B3：校验码“"+sh.Check+"”不符，这份评分表不是本评选活动为评委“张三”生成的，整份评分表未导入；请使用本活动导出的评分表")
	})
	t.Run("every bad cell named", func(t *testing.T) {
		sh := good()
		sh.Rows[1].Values[1].Value = 201
		sh.Rows = append(sh.Rows, ScoreRow{Cell: "A7", Code: "X-9"})
		refused(t, sh,
			"文件 评分表.xlsx，工作表“评分”，单元格 D6：分值 20.1 超出范围，“增效创优工程”应在 0 到 20 之间",
			"文件 评分表.xlsx，工作表“评分”，单元格 A7：申报编号“X-9”不是本评选活动的单位",
			"整份评分表未导入，请改正后重新导入")
	})
}
