package dossier

import "strconv"

// explainTies adds to the explanation of every ranked unit whose final
// score equals a neighbour's how the two were placed: by which declared
// tie-break category, with both figures, or as a tie (并列) when every
// tie-break is equal too. standings are in ranked order; tie holds the
// indexes of the tie-break categories, in order.
func explainTies(standings []Standing, cats []Category, tie []int) {
	ranked := 0
	for ranked < len(standings) && standings[ranked].Unranked == "" {
		ranked++
	}
	for i := 0; i < ranked; i++ {
		s := &standings[i]
		var steps []string
		if i > 0 && standings[i-1].Total.Cmp(s.Total) == 0 {
			steps = append(steps, tieSentence(s, &standings[i-1], cats, tie))
		}
		if i+1 < ranked && standings[i+1].Total.Cmp(s.Total) == 0 {
			steps = append(steps, tieSentence(s, &standings[i+1], cats, tie))
		}
		s.Explanation.Steps = append(s.Explanation.Steps, steps...)
	}
}

// tieSentence says how unit s stands against o, whose final score is the
// same: e.g. 总分与乙单位相同，按“增效创优工程”得分 18.25 高于 17.50 排在前。
func tieSentence(s, o *Standing, cats []Category, tie []int) string {
	head := "总分与" + o.Unit.Name + "相同（" + s.Total.String() + " 分），"
	for _, ci := range tie {
		d := s.Categories[ci].Cmp(o.Categories[ci])
		if d == 0 {
			continue
		}
		word, place := "高于", "排在前"
		if d < 0 {
			word, place = "低于", "排在后"
		}
		return head + "按“" + cats[ci].Name + "”得分 " + s.Categories[ci].String() + " " + word + " " +
			o.Categories[ci].String() + " " + place + "。"
	}
	if len(tie) > 0 {
		return head + "同分比较的类别得分也相同，并列第 " + strconv.Itoa(s.Rank) + " 名（按申报编号排列）。"
	}
	return head + "并列第 " + strconv.Itoa(s.Rank) + " 名（按申报编号排列）。"
}
