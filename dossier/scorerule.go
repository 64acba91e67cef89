package dossier

// Header is the category's column title wherever scores are entered or
// listed by category: its name and maximum, "优化扩充工程(20)", as the score
// workbook's contract writes it (DESIGN.md "The score workbook").
func (c Category) Header() string {
	return c.Name + "(" + c.Max.Short() + ")"
}

// CheckScore checks a score in the category against its range, 0 to the
// maximum (the one decimal is Tenths' own rule, kept by ParseTenths and
// TenthsFromFloat). The message is the one every front-end shows.
func (c Category) CheckScore(v Tenths) error {
	if v < 0 || v > c.Max {
		return Errorf(EINVALID, "分值 %s 超出范围，“%s”应在 0 到 %s 之间", v.Short(), c.Name, c.Max.Short())
	}
	return nil
}
