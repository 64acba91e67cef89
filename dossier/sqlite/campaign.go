package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/dossier-app/dossier/dossier"
	"github.com/google/uuid"
)

func newID() string { return uuid.NewString() }

func validateCampaign(c *dossier.Campaign) error {
	c.Title = strings.TrimSpace(c.Title)
	if c.Title == "" {
		return dossier.Errorf(dossier.EINVALID, "评选活动名称不能为空")
	}
	if c.Date != "" {
		if _, err := time.Parse("2006-01-02", c.Date); err != nil {
			return dossier.Errorf(dossier.EINVALID, "日期“%s”无效，应为 YYYY-MM-DD，例如 2022-03-15", c.Date)
		}
	}
	if c.Year != 0 && (c.Year < 1900 || c.Year > 2200) {
		return dossier.Errorf(dossier.EINVALID, "年份 %d 无效", c.Year)
	}
	if c.Quota < 0 {
		return dossier.Errorf(dossier.EINVALID, "拟表彰名额不能为负数")
	}
	if c.MinValid == 0 {
		c.MinValid = 1
	}
	if c.MinValid < 0 {
		return dossier.Errorf(dossier.EINVALID, "参与排名所需的最少有效评分份数至少为 1，当前为 %d", c.MinValid)
	}
	if c.TrimMin < dossier.MinTrimMin {
		return dossier.Errorf(dossier.EINVALID, "去掉最高分和最低分的起点（有效评分份数）至少为 %d，当前为 %d", dossier.MinTrimMin, c.TrimMin)
	}
	return nil
}

// Campaign returns the campaign's settings.
func (s *Store) Campaign(ctx context.Context) (dossier.Campaign, error) {
	return readCampaign(ctx, s.r)
}

type querier interface {
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row
}

func readCampaign(ctx context.Context, q querier) (dossier.Campaign, error) {
	var c dossier.Campaign
	err := q.QueryRowContext(ctx, `SELECT id, title, organiser, year, date, quota, trim_min, min_valid FROM campaign`).
		Scan(&c.ID, &c.Title, &c.Organiser, &c.Year, &c.Date, &c.Quota, &c.TrimMin, &c.MinValid)
	if err != nil {
		return c, fmt.Errorf("read campaign: %w", err)
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
// date, quota, trimming threshold, minimum valid totals and tie-break
// order (category IDs).
func (s *Store) UpdateCampaign(ctx context.Context, c dossier.Campaign) error {
	if err := validateCampaign(&c); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		old, err := readCampaign(ctx, tx)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE campaign SET title = ?, organiser = ?, year = ?, date = ?, quota = ?, trim_min = ?, min_valid = ?`,
			c.Title, c.Organiser, c.Year, c.Date, c.Quota, c.TrimMin, c.MinValid); err != nil {
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
		var changes []string
		add := func(label, a, b string) {
			if a != b {
				changes = append(changes, fmt.Sprintf("%s：%s→%s", label, a, b))
			}
		}
		add("名称", old.Title, c.Title)
		add("主办单位", old.Organiser, c.Organiser)
		add("年份", fmt.Sprint(old.Year), fmt.Sprint(c.Year))
		add("日期", old.Date, c.Date)
		add("拟表彰名额", fmt.Sprint(old.Quota), fmt.Sprint(c.Quota))
		add("去高去低起点", fmt.Sprint(old.TrimMin), fmt.Sprint(c.TrimMin))
		add("参与排名最少有效评分", fmt.Sprint(old.MinValid), fmt.Sprint(c.MinValid))
		add("同分比较顺序", strings.Join(old.TieBreak, ","), strings.Join(c.TieBreak, ","))
		if len(changes) == 0 {
			return nil
		}
		return s.event(ctx, tx, "campaign.update", "", "", "修改评选设置："+strings.Join(changes, "；"))
	})
}

// Categories returns the categories in order, each with its indicators.
func (s *Store) Categories(ctx context.Context) ([]dossier.Category, error) {
	return readCategories(ctx, s.r)
}

func readCategories(ctx context.Context, q querier) ([]dossier.Category, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, name, slogan, description, max_tenths, position FROM category ORDER BY position, name`)
	if err != nil {
		return nil, fmt.Errorf("read categories: %w", err)
	}
	var cats []dossier.Category
	idx := map[string]int{}
	for rows.Next() {
		var c dossier.Category
		if err := rows.Scan(&c.ID, &c.Name, &c.Slogan, &c.Description, &c.Max, &c.Position); err != nil {
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
	rows, err = q.QueryContext(ctx, `SELECT id, category_id, name, unit, direction, position FROM indicator ORDER BY position, name`)
	if err != nil {
		return nil, fmt.Errorf("read indicators: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var in dossier.Indicator
		var dir string
		if err := rows.Scan(&in.ID, &in.CategoryID, &in.Name, &in.Unit, &dir, &in.Position); err != nil {
			return nil, err
		}
		in.Direction = dossier.Direction(dir)
		if i, ok := idx[in.CategoryID]; ok {
			cats[i].Indicators = append(cats[i].Indicators, in)
		}
	}
	return cats, rows.Err()
}

func validateCategory(c *dossier.Category) error {
	c.Name = strings.TrimSpace(c.Name)
	if c.Name == "" {
		return dossier.Errorf(dossier.EINVALID, "类别名称不能为空")
	}
	if c.Max <= 0 || c.Max > 10000 {
		return dossier.Errorf(dossier.EINVALID, "类别“%s”的满分 %s 无效，应在 0.1 到 1000 之间", c.Name, c.Max)
	}
	return nil
}

func insertCategory(ctx context.Context, tx *sql.Tx, c *dossier.Category) error {
	if err := validateCategory(c); err != nil {
		return err
	}
	if c.ID == "" {
		c.ID = newID()
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO category (id, name, slogan, description, max_tenths, position) VALUES (?, ?, ?, ?, ?, ?)`,
		c.ID, c.Name, c.Slogan, c.Description, int64(c.Max), c.Position); err != nil {
		if isUnique(err) {
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

func validateIndicator(in *dossier.Indicator) error {
	in.Name = strings.TrimSpace(in.Name)
	in.Unit = strings.TrimSpace(in.Unit)
	if in.Name == "" {
		return dossier.Errorf(dossier.EINVALID, "指标名称不能为空")
	}
	if in.Direction == "" {
		in.Direction = dossier.HigherBetter
	}
	if in.Direction != dossier.HigherBetter && in.Direction != dossier.LowerBetter {
		return dossier.Errorf(dossier.EINVALID, "指标“%s”的方向“%s”无效", in.Name, in.Direction)
	}
	return nil
}

func insertIndicator(ctx context.Context, tx *sql.Tx, in *dossier.Indicator) error {
	if err := validateIndicator(in); err != nil {
		return err
	}
	if in.ID == "" {
		in.ID = newID()
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO indicator (id, category_id, name, unit, direction, position) VALUES (?, ?, ?, ?, ?, ?)`,
		in.ID, in.CategoryID, in.Name, in.Unit, string(in.Direction), in.Position)
	if isUnique(err) {
		return dossier.Errorf(dossier.ECONFLICT, "指标“%s”在该类别中已存在", in.Name)
	}
	return err
}

// AddCategory appends a category (with its indicators) at the end.
func (s *Store) AddCategory(ctx context.Context, c *dossier.Category) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(position) + 1, 0) FROM category`).Scan(&c.Position); err != nil {
			return err
		}
		c.ID = ""
		if err := insertCategory(ctx, tx, c); err != nil {
			return err
		}
		return s.event(ctx, tx, "category.add", "", "", fmt.Sprintf("新增类别“%s”（满分 %s）", c.Name, c.Max))
	})
}

// UpdateCategory saves a category's name, slogan, description and maximum.
// Lowering the maximum below a recorded score is refused.
func (s *Store) UpdateCategory(ctx context.Context, c dossier.Category) error {
	if err := validateCategory(&c); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		var old dossier.Category
		err := tx.QueryRowContext(ctx, `SELECT name, slogan, description, max_tenths FROM category WHERE id = ?`, c.ID).
			Scan(&old.Name, &old.Slogan, &old.Description, &old.Max)
		if errors.Is(err, sql.ErrNoRows) {
			return dossier.Errorf(dossier.ENOTFOUND, "类别不存在")
		} else if err != nil {
			return err
		}
		var top sql.NullInt64
		if err := tx.QueryRowContext(ctx, `SELECT max(tenths) FROM score WHERE category_id = ?`, c.ID).Scan(&top); err != nil {
			return err
		}
		if top.Valid && dossier.Tenths(top.Int64) > c.Max {
			return dossier.Errorf(dossier.EINVALID, "类别“%s”已有 %s 分的评分，满分不能低于它", old.Name, dossier.Tenths(top.Int64))
		}
		if _, err := tx.ExecContext(ctx, `UPDATE category SET name = ?, slogan = ?, description = ?, max_tenths = ? WHERE id = ?`,
			c.Name, c.Slogan, c.Description, int64(c.Max), c.ID); err != nil {
			if isUnique(err) {
				return dossier.Errorf(dossier.ECONFLICT, "类别“%s”已存在", c.Name)
			}
			return err
		}
		return s.event(ctx, tx, "category.update", "", "", fmt.Sprintf("修改类别“%s”：名称“%s”，口号“%s”，满分 %s", old.Name, c.Name, c.Slogan, c.Max))
	})
}

// RemoveCategory deletes a category. A category that holds achievements,
// indicator values, photos or scores is refused, so that nothing entered is
// lost: move or clear that material first.
func (s *Store) RemoveCategory(ctx context.Context, id string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var name string
		if err := tx.QueryRowContext(ctx, `SELECT name FROM category WHERE id = ?`, id).Scan(&name); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return dossier.Errorf(dossier.ENOTFOUND, "类别不存在")
			}
			return err
		}
		var ach, vals, photos, scores int
		err := tx.QueryRowContext(ctx, `SELECT
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
		for _, q := range []string{`DELETE FROM indicator WHERE category_id = ?`, `DELETE FROM category WHERE id = ?`} {
			if _, err := tx.ExecContext(ctx, q, id); err != nil {
				return err
			}
		}
		return s.event(ctx, tx, "category.remove", "", "", "删除类别“"+name+"”")
	})
}

// ReorderCategories sets the category order to ids (every category once).
func (s *Store) ReorderCategories(ctx context.Context, ids []string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM category`).Scan(&n); err != nil {
			return err
		}
		seen := map[string]bool{}
		for _, id := range ids {
			seen[id] = true
		}
		if len(ids) != n || len(seen) != n {
			return dossier.Errorf(dossier.EINVALID, "类别顺序必须列出每个类别各一次")
		}
		for i, id := range ids {
			res, err := tx.ExecContext(ctx, `UPDATE category SET position = ? WHERE id = ?`, i, id)
			if err != nil {
				return err
			}
			if k, _ := res.RowsAffected(); k != 1 {
				return dossier.Errorf(dossier.ENOTFOUND, "类别不存在")
			}
		}
		return s.event(ctx, tx, "category.reorder", "", "", "调整类别顺序")
	})
}

// AddIndicator appends an indicator to its category.
func (s *Store) AddIndicator(ctx context.Context, in *dossier.Indicator) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
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
		return s.event(ctx, tx, "indicator.add", "", "", fmt.Sprintf("新增指标“%s”（%s，%s）", in.Name, in.Unit, in.Direction.Label()))
	})
}

// UpdateIndicator saves an indicator's name, unit of measure and direction.
func (s *Store) UpdateIndicator(ctx context.Context, in dossier.Indicator) error {
	if err := validateIndicator(&in); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE indicator SET name = ?, unit = ?, direction = ? WHERE id = ?`, in.Name, in.Unit, string(in.Direction), in.ID)
		if isUnique(err) {
			return dossier.Errorf(dossier.ECONFLICT, "指标“%s”在该类别中已存在", in.Name)
		} else if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return dossier.Errorf(dossier.ENOTFOUND, "指标不存在")
		}
		return s.event(ctx, tx, "indicator.update", "", "", fmt.Sprintf("修改指标“%s”（%s，%s）", in.Name, in.Unit, in.Direction.Label()))
	})
}

// RemoveIndicator deletes an indicator that no unit has a value for.
func (s *Store) RemoveIndicator(ctx context.Context, id string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var name string
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT name, (SELECT count(*) FROM indicator_value WHERE indicator_id = ?1) FROM indicator WHERE id = ?1`, id).Scan(&name, &n); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return dossier.Errorf(dossier.ENOTFOUND, "指标不存在")
			}
			return err
		}
		if n > 0 {
			return dossier.Errorf(dossier.ECONFLICT, "指标“%s”已有 %d 个单位填报了数值，不能删除", name, n)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM indicator WHERE id = ?`, id); err != nil {
			return err
		}
		return s.event(ctx, tx, "indicator.remove", "", "", "删除指标“"+name+"”")
	})
}

func isUnique(err error) bool {
	return err != nil && strings.Contains(err.Error(), "UNIQUE constraint failed")
}
