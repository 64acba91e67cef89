package ui

import (
	"fmt"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/store"
)

// scoreSets counts the evaluator × unit pairs that hold at least one score
// (each is one evaluator's 评分 of a unit) and, of those, the ones with a
// score in category catID ("" for none).
func (t *settingsTab) scoreSets(catID string) (sets, inCat int) {
	b, err := t.s.store.Book(t.s.ctx, store.LoadOptions{})
	if err != nil {
		return 0, 0
	}
	seen := map[[2]string]bool{}
	for _, sc := range b.Scores {
		k := [2]string{sc.EvaluatorID, sc.UnitID}
		if !seen[k] {
			seen[k] = true
			sets++
		}
		if sc.CategoryID == catID && catID != "" {
			inCat++
		}
	}
	return sets, inCat
}

// addWarning is what adding a category would do to the scores already
// given, or "" when there are none: every one of them lacks the new
// category, so no unit keeps a valid total until it is scored.
func (t *settingsTab) addWarning() string {
	sets, _ := t.scoreSets("")
	if sets == 0 {
		return ""
	}
	return fmt.Sprintf("已有 %d 份评分将因缺少该类别而不完整，排名将全部失效，直到每位评委为每个单位补评该类别。确定要新增类别吗？", sets)
}

// removeWarning is what removing category c would do to the totals.
func (t *settingsTab) removeWarning(c dossier.Category) string {
	sets, _ := t.scoreSets(c.ID)
	if sets == 0 {
		return ""
	}
	return fmt.Sprintf("已有 %d 份评分。删除类别“%s”后，各评委的总分和排名将按其余类别重新计算。", sets, c.Name)
}

// rescaleWarning is what changing category c's maximum to max would do, or
// "" when no score is recorded in it.
func (t *settingsTab) rescaleWarning(c dossier.Category, max dossier.Tenths) string {
	_, n := t.scoreSets(c.ID)
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("类别“%s”已有 %d 个评分。满分由 %s 改为 %s 后，已评的分数不会按比例换算，仍按原分值计入总分，排名可能因此变化。确定要修改满分吗？",
		c.Name, n, c.Max.Short(), max.Short())
}
