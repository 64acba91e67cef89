package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/dossier-app/dossier/dossier"
	"github.com/google/uuid"
)

func newID() string { return uuid.NewString() }

// Campaign returns the campaign's settings.
func (s *Store) Campaign(ctx context.Context) (_ dossier.Campaign, err error) {
	defer s.wrap(&err, "读取评选设置")
	return readCampaign(ctx, s.r)
}

func readCampaign(ctx context.Context, q Querier) (dossier.Campaign, error) {
	var c dossier.Campaign
	var quotas, body string
	err := q.QueryRowContext(ctx, `SELECT id, title, organiser, year, date, quota, trim_min, min_valid, version,
		region_cap, kind_quotas, notice_start, notice_days, objection_contact, body_font FROM campaign`).
		Scan(&c.ID, &c.Title, &c.Organiser, &c.Year, &c.Date, &c.Quota, &c.TrimMin, &c.MinValid, &c.Version,
			&c.RegionCap, &quotas, &c.NoticeStart, &c.NoticeDays, &c.ObjectionContact, &body)
	if err != nil {
		return c, fmt.Errorf("read campaign: %w", err)
	}
	c.BodyFont = dossier.BodyFont(body)
	if c.KindQuotas, err = dossier.ParseKindQuotas(quotas); err != nil {
		return c, dossier.Errorf(dossier.EDAMAGED, "评选设置中的单位类型名额“%s”无法读取：%s", quotas, dossier.ErrorMessage(err))
	}
	rows, err := q.QueryContext(ctx, `SELECT id FROM category WHERE tie_break IS NOT NULL ORDER BY tie_break`)
	if err != nil {
		return c, err
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return c, err
		}
		c.TieBreak = append(c.TieBreak, id)
	}
	return c, rows.Err()
}

// UpdateCampaign saves the campaign's settings: title, organiser, year,
// date, quota, trimming threshold, minimum valid totals, tie-break order
// (category IDs), the procedure's settings and the documents' body face.
// c.Version must be the version c was loaded at: settings changed since are
// refused with a *dossier.StaleError. On success c holds the new version.
func (s *Store) UpdateCampaign(ctx context.Context, c *dossier.Campaign) (err error) {
	defer s.wrap(&err, "保存评选设置")
	v := *c
	if err := v.Validate(); err != nil {
		return err
	}
	if err := s.tx(ctx, func(tx *Tx) error { return s.updateCampaignTx(ctx, tx, &v, dossier.ActionCampaignUpdate, "") }); err != nil {
		return err
	}
	*c = v
	return nil
}

// campaignFields are the settings as the history shows them. TieBreak is
// compared as category names (tieNames) so the history reads well.
var campaignFields = []fieldDef[dossier.Campaign]{
	{"名称", func(c *dossier.Campaign) string { return c.Title }, func(d, s *dossier.Campaign) { d.Title = s.Title }},
	{"主办单位", func(c *dossier.Campaign) string { return c.Organiser }, func(d, s *dossier.Campaign) { d.Organiser = s.Organiser }},
	{"年份", func(c *dossier.Campaign) string { return fmt.Sprint(c.Year) }, func(d, s *dossier.Campaign) { d.Year = s.Year }},
	{"日期", func(c *dossier.Campaign) string { return c.Date }, func(d, s *dossier.Campaign) { d.Date = s.Date }},
	{"拟表彰名额", func(c *dossier.Campaign) string { return fmt.Sprint(c.Quota) }, func(d, s *dossier.Campaign) { d.Quota = s.Quota }},
	{"去高去低起点", func(c *dossier.Campaign) string { return fmt.Sprint(c.TrimMin) }, func(d, s *dossier.Campaign) { d.TrimMin = s.TrimMin }},
	{"参与排名最少有效评分", func(c *dossier.Campaign) string { return fmt.Sprint(max(1, c.MinValid)) }, func(d, s *dossier.Campaign) { d.MinValid = s.MinValid }},
	{"同分比较顺序", func(c *dossier.Campaign) string { return strings.Join(c.TieBreak, "、") }, func(d, s *dossier.Campaign) { d.TieBreak = s.TieBreak }},
	{"每个地市推荐上限", func(c *dossier.Campaign) string { return fmt.Sprint(c.RegionCap) }, func(d, s *dossier.Campaign) { d.RegionCap = s.RegionCap }},
	{"单位类型名额", func(c *dossier.Campaign) string { return kindLabels(c.KindQuotas) }, func(d, s *dossier.Campaign) { d.KindQuotas = s.KindQuotas }},
	{"公示开始日期", func(c *dossier.Campaign) string { return c.NoticeStart }, func(d, s *dossier.Campaign) { d.NoticeStart = s.NoticeStart }},
	{"公示工作日数", func(c *dossier.Campaign) string { return fmt.Sprint(c.NoticeDays) }, func(d, s *dossier.Campaign) { d.NoticeDays = s.NoticeDays }},
	{"异议受理", func(c *dossier.Campaign) string { return c.ObjectionContact }, func(d, s *dossier.Campaign) { d.ObjectionContact = s.ObjectionContact }},
	{"正文字体", func(c *dossier.Campaign) string { return c.BodyFont.Label() }, func(d, s *dossier.Campaign) { d.BodyFont = s.BodyFont }},
}

// tieNames is c with its tie-break categories named, for display.
func tieNames(c dossier.Campaign, cats []dossier.Category) dossier.Campaign {
	names := make([]string, len(c.TieBreak))
	for i, id := range c.TieBreak {
		names[i] = id
		for _, cat := range cats {
			if cat.ID == id {
				names[i] = cat.Name
			}
		}
	}
	c.TieBreak = names
	return c
}

func (s *Store) updateCampaignTx(ctx context.Context, tx *Tx, c *dossier.Campaign, action dossier.Action, why string) error {
	if err := c.Validate(); err != nil {
		return err
	}
	old, err := readCampaign(ctx, tx)
	if err != nil {
		return err
	}
	if old.Version != c.Version {
		return &dossier.StaleError{What: "评选设置", Current: old}
	}
	cats, err := readCategories(ctx, tx)
	if err != nil {
		return err
	}
	od, nd := tieNames(old, cats), tieNames(*c, cats)
	names, before, after, short := diffFields(campaignFields, &od, &nd)
	if len(names) == 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `UPDATE campaign SET title = ?, organiser = ?, year = ?, date = ?, quota = ?, trim_min = ?, min_valid = ?,
		region_cap = ?, kind_quotas = ?, notice_start = ?, notice_days = ?, objection_contact = ?, body_font = ?, version = version + 1`,
		c.Title, c.Organiser, c.Year, c.Date, c.Quota, c.TrimMin, c.MinValid,
		c.RegionCap, dossier.FormatKindQuotas(c.KindQuotas), c.NoticeStart, c.NoticeDays, c.ObjectionContact, string(c.BodyFont)); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE category SET tie_break = NULL`); err != nil {
		return err
	}
	for i, id := range c.TieBreak {
		res, err := tx.ExecContext(ctx, `UPDATE category SET tie_break = ? WHERE id = ?`, i, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return dossier.Errorf(dossier.ENOTFOUND, "同分比较顺序中的类别不存在")
		}
	}
	c.Version = old.Version + 1
	detail := "修改评选设置：" + strings.Join(short, "；")
	if why != "" {
		detail = why + "，" + detail
	}
	return s.record(ctx, tx, change{action: action, detail: detail, subject: "评选设置", before: before, after: after,
		undo: &undo{Kind: "campaign", Fields: names, Campaign: &old}})
}

// Categories returns the categories in order, each with its indicators.
func (s *Store) Categories(ctx context.Context) (_ []dossier.Category, err error) {
	defer s.wrap(&err, "读取类别")
	return readCategories(ctx, s.r)
}

func readCategories(ctx context.Context, q Querier) ([]dossier.Category, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, name, slogan, description, max_tenths, position, version FROM category ORDER BY position, name`)
	if err != nil {
		return nil, fmt.Errorf("read categories: %w", err)
	}
	var cats []dossier.Category
	idx := map[string]int{}
	for rows.Next() {
		var c dossier.Category
		if err := rows.Scan(&c.ID, &c.Name, &c.Slogan, &c.Description, &c.Max, &c.Position, &c.Version); err != nil {
			rows.Close()
			return nil, err
		}
		idx[c.ID] = len(cats)
		cats = append(cats, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows, err = q.QueryContext(ctx, `SELECT id, category_id, name, unit, direction, position, version FROM indicator ORDER BY position, name`)
	if err != nil {
		return nil, fmt.Errorf("read indicators: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var in dossier.Indicator
		var dir string
		if err := rows.Scan(&in.ID, &in.CategoryID, &in.Name, &in.Unit, &dir, &in.Position, &in.Version); err != nil {
			return nil, err
		}
		in.Direction = dossier.Direction(dir)
		if i, ok := idx[in.CategoryID]; ok {
			cats[i].Indicators = append(cats[i].Indicators, in)
		}
	}
	return cats, rows.Err()
}

func insertCategory(ctx context.Context, tx *Tx, c *dossier.Category) error {
	if err := c.Validate(); err != nil {
		return err
	}
	if c.ID == "" {
		c.ID = newID()
	}
	c.Version = 1
	if _, err := tx.ExecContext(ctx, `INSERT INTO category (id, name, slogan, description, max_tenths, position) VALUES (?, ?, ?, ?, ?, ?)`,
		c.ID, c.Name, c.Slogan, c.Description, int64(c.Max), c.Position); err != nil {
		if tx.isUnique(err) {
			return dossier.Errorf(dossier.ECONFLICT, "类别“%s”已存在", c.Name)
		}
		return err
	}
	for i := range c.Indicators {
		in := &c.Indicators[i]
		in.CategoryID = c.ID
		in.Position = i
		if err := insertIndicator(ctx, tx, in); err != nil {
			return err
		}
	}
	return nil
}

func insertIndicator(ctx context.Context, tx *Tx, in *dossier.Indicator) error {
	if err := in.Validate(); err != nil {
		return err
	}
	if in.ID == "" {
		in.ID = newID()
	}
	in.Version = 1
	_, err := tx.ExecContext(ctx, `INSERT INTO indicator (id, category_id, name, unit, direction, position) VALUES (?, ?, ?, ?, ?, ?)`,
		in.ID, in.CategoryID, in.Name, in.Unit, string(in.Direction), in.Position)
	if tx.isUnique(err) {
		return dossier.Errorf(dossier.ECONFLICT, "指标“%s”在该类别中已存在", in.Name)
	}
	return err
}

// AddCategory appends a category (with its indicators) at the end.
func (s *Store) AddCategory(ctx context.Context, c *dossier.Category) (err error) {
	defer s.wrap(&err, "新增类别")
	return s.tx(ctx, func(tx *Tx) error {
		if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(position) + 1, 0) FROM category`).Scan(&c.Position); err != nil {
			return err
		}
		c.ID = ""
		if err := insertCategory(ctx, tx, c); err != nil {
			return err
		}
		return s.event(ctx, tx, dossier.ActionCategoryAdd, "", "", fmt.Sprintf("新增类别“%s”（满分 %s）", c.Name, c.Max))
	})
}

// categoryTx reads one category with its indicators.
func categoryTx(ctx context.Context, q Querier, id string) (dossier.Category, error) {
	cats, err := readCategories(ctx, q)
	if err != nil {
		return dossier.Category{}, err
	}
	for _, c := range cats {
		if c.ID == id {
			return c, nil
		}
	}
	return dossier.Category{}, dossier.Errorf(dossier.ENOTFOUND, "类别不存在")
}

func categoryWhat(c *dossier.Category) string { return "类别“" + c.Name + "”" }

// categoryFields are a category's own fields as the history shows them.
var categoryFields = []fieldDef[dossier.Category]{
	{"名称", func(c *dossier.Category) string { return c.Name }, func(d, s *dossier.Category) { d.Name = s.Name }},
	{"口号", func(c *dossier.Category) string { return c.Slogan }, func(d, s *dossier.Category) { d.Slogan = s.Slogan }},
	{"说明", func(c *dossier.Category) string { return c.Description }, func(d, s *dossier.Category) { d.Description = s.Description }},
	{"满分", func(c *dossier.Category) string { return c.Max.String() }, func(d, s *dossier.Category) { d.Max = s.Max }},
}

// UpdateCategory saves a category's name, slogan, description and maximum.
// Lowering the maximum below a recorded score is refused. c.Version must be
// the version c was loaded at (a stale one is refused with a
// *dossier.StaleError); on success it is the new version.
func (s *Store) UpdateCategory(ctx context.Context, c *dossier.Category) (err error) {
	defer s.wrap(&err, "保存类别")
	v := *c
	if err := v.Validate(); err != nil {
		return err
	}
	if err := s.tx(ctx, func(tx *Tx) error { return s.updateCategoryTx(ctx, tx, &v, dossier.ActionCategoryUpdate, "") }); err != nil {
		return err
	}
	c.Name, c.Version = v.Name, v.Version
	return nil
}

func (s *Store) updateCategoryTx(ctx context.Context, tx *Tx, c *dossier.Category, action dossier.Action, why string) error {
	if err := c.Validate(); err != nil {
		return err
	}
	old, err := categoryTx(ctx, tx, c.ID)
	if err != nil {
		return err
	}
	if old.Version != c.Version {
		return &dossier.StaleError{What: categoryWhat(&old), Current: old}
	}
	var top sql.NullInt64
	if err := tx.QueryRowContext(ctx, `SELECT max(tenths) FROM score WHERE category_id = ?`, c.ID).Scan(&top); err != nil {
		return err
	}
	if top.Valid && dossier.Tenths(top.Int64) > c.Max {
		return dossier.Errorf(dossier.EINVALID, "类别“%s”已有 %s 分的评分，满分不能低于它", old.Name, dossier.Tenths(top.Int64))
	}
	names, before, after, short := diffFields(categoryFields, &old, c)
	if len(names) == 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `UPDATE category SET name = ?, slogan = ?, description = ?, max_tenths = ?, version = version + 1 WHERE id = ?`,
		c.Name, c.Slogan, c.Description, int64(c.Max), c.ID); err != nil {
		if tx.isUnique(err) {
			return dossier.Errorf(dossier.ECONFLICT, "类别“%s”已存在", c.Name)
		}
		return err
	}
	c.Version = old.Version + 1
	detail := fmt.Sprintf("修改类别“%s”：%s", old.Name, strings.Join(short, "；"))
	if why != "" {
		detail = why + "，" + detail
	}
	return s.record(ctx, tx, change{action: action, detail: detail, subject: categoryWhat(&old), before: before, after: after,
		undo: &undo{Kind: "category", Fields: names, Category: &old}})
}

// RemoveCategory deletes a category. A category that holds achievements,
// indicator values, photos or scores is refused, so that nothing entered is
// lost: move or clear that material first. base is the version the
// caller's copy was loaded at (a stale one is refused). The history keeps
// the whole category as it was.
func (s *Store) RemoveCategory(ctx context.Context, id string, base int64) (err error) {
	defer s.wrap(&err, "删除类别")
	return s.tx(ctx, func(tx *Tx) error {
		old, err := categoryTx(ctx, tx, id)
		if err != nil {
			return err
		}
		if old.Version != base {
			return &dossier.StaleError{What: categoryWhat(&old), Current: old}
		}
		name := old.Name
		var ach, vals, photos, scores int
		err = tx.QueryRowContext(ctx, `SELECT
			(SELECT count(*) FROM achievement WHERE category_id = ?1),
			(SELECT count(*) FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id WHERE i.category_id = ?1),
			(SELECT count(*) FROM photo WHERE category_id = ?1),
			(SELECT count(*) FROM score WHERE category_id = ?1)`, id).Scan(&ach, &vals, &photos, &scores)
		if err != nil {
			return err
		}
		if ach+vals+photos+scores > 0 {
			return dossier.Errorf(dossier.ECONFLICT, "类别“%s”下已有事迹材料 %d 节、指标数值 %d 个、图片 %d 张、评分 %d 个，不能删除；为避免丢失已录入的内容，请先移走或清除这些内容", name, ach, vals, photos, scores)
		}
		for _, q := range []string{`UPDATE campaign SET version = version + 1 WHERE EXISTS (SELECT 1 FROM category WHERE id = ?1 AND tie_break IS NOT NULL)`,
			`DELETE FROM indicator WHERE category_id = ?1`, `DELETE FROM category WHERE id = ?1`} {
			if _, err := tx.ExecContext(ctx, q, id); err != nil {
				return err
			}
		}
		var before []string
		for _, f := range categoryFields {
			before = append(before, f.label+"："+dossier.ShowText(f.show(&old)))
		}
		for _, in := range old.Indicators {
			before = append(before, fmt.Sprintf("指标“%s”：%s，%s", in.Name, dossier.ShowText(in.Unit), in.Direction.Label()))
		}
		return s.record(ctx, tx, change{action: dossier.ActionCategoryRemove, detail: "删除类别“" + name + "”", subject: categoryWhat(&old), before: before})
	})
}

// ReorderCategories sets the category order to ids (every category once).
// A category whose position changes gets a new version.
func (s *Store) ReorderCategories(ctx context.Context, ids []string) (err error) {
	defer s.wrap(&err, "调整类别顺序")
	return s.tx(ctx, func(tx *Tx) error {
		cats, err := readCategories(ctx, tx)
		if err != nil {
			return err
		}
		seen := map[string]bool{}
		for _, id := range ids {
			seen[id] = true
		}
		if len(ids) != len(cats) || len(seen) != len(cats) {
			return dossier.Errorf(dossier.EINVALID, "类别顺序必须列出每个类别各一次")
		}
		var before, after []string
		for _, c := range cats {
			before = append(before, c.Name)
		}
		for i, id := range ids {
			res, err := tx.ExecContext(ctx, `UPDATE category SET position = ?1, version = version + (position <> ?1) WHERE id = ?2`, i, id)
			if err != nil {
				return err
			}
			if k, _ := res.RowsAffected(); k != 1 {
				return dossier.Errorf(dossier.ENOTFOUND, "类别不存在")
			}
			for _, c := range cats {
				if c.ID == id {
					after = append(after, c.Name)
				}
			}
		}
		return s.record(ctx, tx, change{action: dossier.ActionCategoryReorder, detail: "调整类别顺序", subject: "类别顺序",
			before: []string{"类别顺序：" + strings.Join(before, "、")}, after: []string{"类别顺序：" + strings.Join(after, "、")}})
	})
}

// AddIndicator appends an indicator to its category.
func (s *Store) AddIndicator(ctx context.Context, in *dossier.Indicator) (err error) {
	defer s.wrap(&err, "新增指标")
	return s.tx(ctx, func(tx *Tx) error {
		if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(position) + 1, 0) FROM indicator WHERE category_id = ?`, in.CategoryID).Scan(&in.Position); err != nil {
			return err
		}
		in.ID = ""
		if err := insertIndicator(ctx, tx, in); err != nil {
			if strings.Contains(err.Error(), "FOREIGN KEY") {
				return dossier.Errorf(dossier.ENOTFOUND, "类别不存在")
			}
			return err
		}
		return s.event(ctx, tx, dossier.ActionIndicatorAdd, "", "", fmt.Sprintf("新增指标“%s”（%s，%s）", in.Name, in.Unit, in.Direction.Label()))
	})
}

// indicatorTx reads one indicator.
func indicatorTx(ctx context.Context, q Querier, id string) (dossier.Indicator, error) {
	var in dossier.Indicator
	var dir string
	err := q.QueryRowContext(ctx, `SELECT id, category_id, name, unit, direction, position, version FROM indicator WHERE id = ?`, id).
		Scan(&in.ID, &in.CategoryID, &in.Name, &in.Unit, &dir, &in.Position, &in.Version)
	if errors.Is(err, sql.ErrNoRows) {
		return in, dossier.Errorf(dossier.ENOTFOUND, "指标不存在")
	}
	in.Direction = dossier.Direction(dir)
	return in, err
}

func indicatorWhat(in *dossier.Indicator) string { return "指标“" + in.Name + "”" }

// indicatorFields are an indicator's fields as the history shows them.
var indicatorFields = []fieldDef[dossier.Indicator]{
	{"名称", func(i *dossier.Indicator) string { return i.Name }, func(d, s *dossier.Indicator) { d.Name = s.Name }},
	{"计量单位", func(i *dossier.Indicator) string { return i.Unit }, func(d, s *dossier.Indicator) { d.Unit = s.Unit }},
	{"方向", func(i *dossier.Indicator) string { return i.Direction.Label() }, func(d, s *dossier.Indicator) { d.Direction = s.Direction }},
}

// UpdateIndicator saves an indicator's name, unit of measure and direction.
// A new unit of measure while values are stored converts them exactly
// between scaled forms of one unit (个 ↔ 万个 ↔ 亿个, 元 ↔ 万元 ↔ 亿元…),
// each unit so changed getting a new version; between units that do not
// convert (个 → 所) it is refused, naming how many values are stored.
// in.Version must be the version in was loaded at (a stale one is refused
// with a *dossier.StaleError); on success it is the new version.
func (s *Store) UpdateIndicator(ctx context.Context, in *dossier.Indicator) (err error) {
	defer s.wrap(&err, "保存指标")
	v := *in
	if err := v.Validate(); err != nil {
		return err
	}
	if err := s.tx(ctx, func(tx *Tx) error { return s.updateIndicatorTx(ctx, tx, &v, dossier.ActionIndicatorUpdate, "") }); err != nil {
		return err
	}
	*in = v
	return nil
}

func (s *Store) updateIndicatorTx(ctx context.Context, tx *Tx, in *dossier.Indicator, action dossier.Action, why string) error {
	if err := in.Validate(); err != nil {
		return err
	}
	old, err := indicatorTx(ctx, tx, in.ID)
	if err != nil {
		return err
	}
	if old.Version != in.Version {
		return &dossier.StaleError{What: indicatorWhat(&old), Current: old}
	}
	names, before, after, short := diffFields(indicatorFields, &old, in)
	if len(names) == 0 {
		return nil
	}
	if dossier.FoldWidth(old.Unit) != dossier.FoldWidth(in.Unit) {
		b, a, err := s.convertValues(ctx, tx, &old, in.Unit)
		if err != nil {
			return err
		}
		before, after = append(before, b...), append(after, a...)
	}
	_, err = tx.ExecContext(ctx, `UPDATE indicator SET name = ?, unit = ?, direction = ?, version = version + 1 WHERE id = ?`, in.Name, in.Unit, string(in.Direction), in.ID)
	if tx.isUnique(err) {
		return dossier.Errorf(dossier.ECONFLICT, "指标“%s”在该类别中已存在", in.Name)
	} else if err != nil {
		return err
	}
	in.Version = old.Version + 1
	detail := fmt.Sprintf("修改指标“%s”：%s", old.Name, strings.Join(short, "；"))
	if why != "" {
		detail = why + "，" + detail
	}
	return s.record(ctx, tx, change{action: action, detail: detail, subject: indicatorWhat(&old), before: before, after: after,
		undo: &undo{Kind: "indicator", Fields: names, Indicator: &old}})
}

// convertValues rewrites the stored values of an indicator from its unit
// of measure to unit, exactly, and returns each unit's value before and
// after for the history. Units that do not convert are refused while any
// value is stored.
func (s *Store) convertValues(ctx context.Context, tx *Tx, old *dossier.Indicator, unit string) ([]string, []string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT v.unit_id, u.code || ' ' || u.name, v.value FROM indicator_value v JOIN unit u ON u.id = v.unit_id
		WHERE v.indicator_id = ? AND v.value IS NOT NULL ORDER BY u.code`, old.ID)
	if err != nil {
		return nil, nil, err
	}
	type stored struct {
		id, label string
		v         float64
	}
	var vals []stored
	for rows.Next() {
		var st stored
		if err := rows.Scan(&st.id, &st.label, &st.v); err != nil {
			rows.Close()
			return nil, nil, err
		}
		vals = append(vals, st)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(vals) == 0 {
		return nil, nil, err
	}
	exp, ok := dossier.ConvertUnit(old.Unit, unit)
	if !ok {
		return nil, nil, dossier.Errorf(dossier.ECONFLICT, "指标“%s”已有 %d 个单位填报了数值（按“%s”计），“%s”与“%s”不能换算，计量单位不能改；否则每个数值的含义都会改变。请新建一个计量单位为“%s”的指标，或先清除这些数值",
			old.Name, len(vals), old.Unit, old.Unit, unit, unit)
	}
	var before, after []string
	for _, st := range vals {
		nv := dossier.ScaleDecimal(st.v, exp)
		if _, err := tx.ExecContext(ctx, `UPDATE indicator_value SET value = ? WHERE unit_id = ? AND indicator_id = ?`, nv, st.id, old.ID); err != nil {
			return nil, nil, err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE unit SET version = version + 1, updated_at = ? WHERE id = ?`, s.stamp(), st.id); err != nil {
			return nil, nil, err
		}
		before = append(before, fmt.Sprintf("单位 %s：%s%s", st.label, dossier.FormatNumber(st.v), old.Unit))
		after = append(after, fmt.Sprintf("单位 %s：%s%s", st.label, dossier.FormatNumber(nv), unit))
	}
	return before, after, nil
}

// RemoveIndicator deletes an indicator that no unit has a value for. base
// is the version the caller's copy was loaded at (a stale one is refused).
func (s *Store) RemoveIndicator(ctx context.Context, id string, base int64) (err error) {
	defer s.wrap(&err, "删除指标")
	return s.tx(ctx, func(tx *Tx) error {
		old, err := indicatorTx(ctx, tx, id)
		if err != nil {
			return err
		}
		if old.Version != base {
			return &dossier.StaleError{What: indicatorWhat(&old), Current: old}
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM indicator_value WHERE indicator_id = ?`, id).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return dossier.Errorf(dossier.ECONFLICT, "指标“%s”已有 %d 个单位填报了数值，不能删除", old.Name, n)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM indicator WHERE id = ?`, id); err != nil {
			return err
		}
		var before []string
		for _, f := range indicatorFields {
			before = append(before, f.label+"："+dossier.ShowText(f.show(&old)))
		}
		return s.record(ctx, tx, change{action: dossier.ActionIndicatorRemove, detail: "删除指标“" + old.Name + "”", subject: indicatorWhat(&old), before: before})
	})
}
