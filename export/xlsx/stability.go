package xlsx

import (
	"github.com/dossier-app/dossier/dossier"
)

// Headers of the columns the 排名 sheet has after 说明 (issue 14): rank
// stability and the normalised view, which is for information only.
const (
	LabelRankRange = "名次范围"
	LabelStable    = "推荐稳定"
	LabelZRank     = "标准化名次（仅供参考）"
)

// stabilityNote explains those columns in the note under the ranking.
const stabilityNote = "“名次范围”为逐一去掉一位评委的评分、按同一规则重新排名所得的最好和最差名次（“未排名”：去掉某位评委后有效评分不足）；“推荐稳定”为“否”的，去掉某一位评委的评分会改变推荐结果。“标准化名次”按各评委总分的标准分（z 分数）平均值排名，仅供参考，不替代按规则确定的排名。"

// stabilityCells are a standing's 名次范围, 推荐稳定 (是/否) and 标准化名次;
// blank for a unit that is not ranked.
func (s *summary) stabilityCells(sd *dossier.Standing, style int) []any {
	st := s.stab[sd.Unit.ID]
	if sd.Rank <= 0 || st == nil {
		return []any{strCell("", style), strCell("", style), strCell("", style)}
	}
	stable := ""
	if st.Best > 0 {
		stable = "是"
		if !st.Stable {
			stable = "否"
		}
	}
	return []any{strCell(st.RangeText(), style), strCell(stable, style), numCell(st.ZRank, st.ZRank > 0, style)}
}
