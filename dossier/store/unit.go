package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"

	"github.com/dossier-app/dossier/dossier"
)

const unitColumns = `id, code, name, region, kind, recommender, contact, phone, title, summary, status, revision, version`

func scanUnit(sc interface{ Scan(...any) error }) (dossier.Unit, error) {
	var u dossier.Unit
	var status string
	err := sc.Scan(&u.ID, &u.Code, &u.Name, &u.Region, &u.Kind, &u.Recommender, &u.Contact, &u.Phone, &u.Title, &u.Summary, &status, &u.Revision, &u.Version)
	u.Status = dossier.Status(status)
	return u, err
}

// Units returns every unit's basic information, sorted by code, without
// material.
func (s *Store) Units(ctx context.Context) (_ []dossier.Unit, err error) {
	defer s.wrap(&err, "读取单位")
	return readUnits(ctx, s.r)
}

func readUnits(ctx context.Context, q Querier) ([]dossier.Unit, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+unitColumns+` FROM unit ORDER BY code`)
	if err != nil {
		return nil, fmt.Errorf("read units: %w", err)
	}
	defer rows.Close()
	var out []dossier.Unit
	for rows.Next() {
		u, err := scanUnit(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// Unit returns one unit with all its material, photos included.
func (s *Store) Unit(ctx context.Context, id string) (_ dossier.Unit, err error) {
	defer s.wrap(&err, "读取单位")
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return dossier.Unit{}, err
	}
	defer tx.Rollback()
	u, err := scanUnit(tx.QueryRowContext(ctx, `SELECT `+unitColumns+` FROM unit WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return u, dossier.Errorf(dossier.ENOTFOUND, "单位不存在")
	} else if err != nil {
		return u, err
	}
	err = readMaterial(ctx, tx, map[string]*dossier.Unit{u.ID: &u}, true)
	return u, err
}

// UnitByCode returns the unit with the given 申报编号, material included.
func (s *Store) UnitByCode(ctx context.Context, code string) (_ dossier.Unit, err error) {
	defer s.wrap(&err, "读取单位")
	var id string
	err = s.r.QueryRowContext(ctx, `SELECT id FROM unit WHERE code = ? COLLATE NOCASE`, dossier.NormCode(code)).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return dossier.Unit{}, dossier.Errorf(dossier.ENOTFOUND, "申报编号“%s”的单位不存在", code)
	} else if err != nil {
		return dossier.Unit{}, err
	}
	return s.Unit(ctx, id)
}

// readMaterial fills the achievements, values and photos of the given units
// (all units when the map holds them all).
func readMaterial(ctx context.Context, q Querier, units map[string]*dossier.Unit, photoData bool) error {
	one := ""
	if len(units) == 1 {
		for id := range units {
			one = id
		}
	}
	where := func(col string) (string, []any) {
		if one != "" {
			return " WHERE " + col + " = ?", []any{one}
		}
		return "", nil
	}
	w, args := where("unit_id")
	rows, err := q.QueryContext(ctx, `SELECT unit_id, category_id, heading, body FROM achievement`+w+` ORDER BY unit_id, position`, args...)
	if err != nil {
		return fmt.Errorf("read achievements: %w", err)
	}
	for rows.Next() {
		var uid string
		var a dossier.Achievement
		if err := rows.Scan(&uid, &a.CategoryID, &a.Heading, &a.Body); err != nil {
			rows.Close()
			return err
		}
		if u := units[uid]; u != nil {
			u.Achievements = append(u.Achievements, a)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	w, args = where("v.unit_id")
	rows, err = q.QueryContext(ctx, `SELECT v.unit_id, v.indicator_id, v.value, v.note FROM indicator_value v
		JOIN indicator i ON i.id = v.indicator_id JOIN category c ON c.id = i.category_id`+w+`
		ORDER BY v.unit_id, c.position, i.position`, args...)
	if err != nil {
		return fmt.Errorf("read indicator values: %w", err)
	}
	for rows.Next() {
		var uid string
		var v dossier.IndicatorValue
		var value sql.NullFloat64
		if err := rows.Scan(&uid, &v.IndicatorID, &value, &v.Note); err != nil {
			rows.Close()
			return err
		}
		v.Value, v.NoValue = value.Float64, !value.Valid
		if u := units[uid]; u != nil {
			u.Values = append(u.Values, v)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	data := "NULL"
	if photoData {
		data = "m.data"
	}
	w, args = where("p.unit_id")
	rows, err = q.QueryContext(ctx, `SELECT p.unit_id, p.id, coalesce(p.category_id, ''), p.caption, m.format, m.width, m.height, `+data+`
		FROM photo p JOIN image m ON m.hash = p.image_hash`+w+` ORDER BY p.unit_id, p.position`, args...)
	if err != nil {
		return fmt.Errorf("read photos: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var uid string
		var p dossier.Photo
		if err := rows.Scan(&uid, &p.ID, &p.CategoryID, &p.Caption, &p.Format, &p.Width, &p.Height, &p.Data); err != nil {
			return err
		}
		if u := units[uid]; u != nil {
			u.Photos = append(u.Photos, p)
		}
	}
	return rows.Err()
}

// AddUnit creates a unit from its basic information (revision 1).
func (s *Store) AddUnit(ctx context.Context, u *dossier.Unit) (err error) {
	defer s.wrap(&err, "新增单位")
	if err := u.Validate(); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *Tx) error {
		if err := checkUnitClash(ctx, tx, u, ""); err != nil {
			return err
		}
		u.ID, u.Revision, u.Version = newID(), 1, 1
		if err := insertUnit(ctx, tx, u, s.stamp()); err != nil {
			return err
		}
		if err := writeMaterial(ctx, tx, u); err != nil {
			return err
		}
		return s.event(ctx, tx, dossier.ActionUnitAdd, u.ID, "", fmt.Sprintf("新增单位 %s %s", u.Code, u.Name))
	})
}

// checkUnitClash refuses a code or a name that belongs to another unit.
func checkUnitClash(ctx context.Context, tx *Tx, u *dossier.Unit, selfID string) error {
	var other string
	err := tx.QueryRowContext(ctx, `SELECT name FROM unit WHERE code = ? COLLATE NOCASE AND id <> ?`, u.Code, selfID).Scan(&other)
	if err == nil {
		return dossier.Errorf(dossier.ECONFLICT, "申报编号“%s”已被单位“%s”使用", u.Code, other)
	} else if !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	err = tx.QueryRowContext(ctx, `SELECT code FROM unit WHERE name = ? COLLATE NOCASE AND id <> ?`, u.Name, selfID).Scan(&other)
	if err == nil {
		return dossier.Errorf(dossier.ECONFLICT, "单位名称“%s”已存在（申报编号 %s）", u.Name, other)
	} else if !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	return nil
}

func insertUnit(ctx context.Context, tx *Tx, u *dossier.Unit, at string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO unit (`+unitColumns+`, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		u.ID, u.Code, u.Name, u.Region, u.Kind, u.Recommender, u.Contact, u.Phone, u.Title, u.Summary, string(u.Status), u.Revision, u.Version, at, at)
	if tx.isUnique(err) {
		return dossier.Errorf(dossier.ECONFLICT, "申报编号“%s”已存在", u.Code)
	}
	return err
}

// writeMaterial replaces a unit's achievements, indicator values and photos.
func writeMaterial(ctx context.Context, tx *Tx, u *dossier.Unit) error {
	for _, q := range []string{`DELETE FROM achievement WHERE unit_id = ?`, `DELETE FROM indicator_value WHERE unit_id = ?`, `DELETE FROM photo WHERE unit_id = ?`} {
		if _, err := tx.ExecContext(ctx, q, u.ID); err != nil {
			return err
		}
	}
	for i, a := range u.Achievements {
		if _, err := tx.ExecContext(ctx, `INSERT INTO achievement (unit_id, position, category_id, heading, body) VALUES (?, ?, ?, ?, ?)`,
			u.ID, i, a.CategoryID, a.Heading, a.Body); err != nil {
			return fkError(err, "事迹材料的类别不存在")
		}
	}
	seen := map[string]bool{}
	for _, v := range u.Values {
		if seen[v.IndicatorID] {
			return dossier.Errorf(dossier.EINVALID, "同一指标填报了两次")
		}
		seen[v.IndicatorID] = true
		var value any = v.Value
		if v.NoValue {
			if strings.TrimSpace(v.Note) == "" {
				return dossier.Errorf(dossier.EINVALID, "量化指标没有数值时必须填写说明")
			}
			value = nil
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO indicator_value (unit_id, indicator_id, value, note) VALUES (?, ?, ?, ?)`,
			u.ID, v.IndicatorID, value, v.Note); err != nil {
			return fkError(err, "量化指标不存在")
		}
	}
	for i := range u.Photos {
		p := &u.Photos[i]
		hash, err := putImage(ctx, tx, p)
		if err != nil {
			return err
		}
		if p.ID == "" {
			p.ID = newID()
		}
		var cat any
		if p.CategoryID != "" {
			cat = p.CategoryID
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO photo (id, unit_id, category_id, position, caption, image_hash) VALUES (?, ?, ?, ?, ?, ?)`,
			p.ID, u.ID, cat, i, p.Caption, hash); err != nil {
			return fkError(err, "图片的类别不存在")
		}
	}
	return nil
}

func fkError(err error, msg string) error {
	if err != nil && strings.Contains(err.Error(), "FOREIGN KEY") {
		return dossier.Errorf(dossier.ENOTFOUND, "%s", msg)
	}
	return err
}

func putImage(ctx context.Context, tx *Tx, p *dossier.Photo) (string, error) {
	if p.Format != "jpeg" && p.Format != "png" {
		return "", dossier.Errorf(dossier.EINVALID, "图片格式“%s”无效，只保存 JPEG 或 PNG", p.Format)
	}
	if len(p.Data) == 0 || p.Width <= 0 || p.Height <= 0 {
		return "", dossier.Errorf(dossier.EINVALID, "图片数据为空或尺寸无效")
	}
	sum := sha256.Sum256(p.Data)
	hash := hex.EncodeToString(sum[:])
	_, err := tx.ExecContext(ctx, `INSERT INTO image (hash, format, width, height, data) VALUES (?, ?, ?, ?, ?) ON CONFLICT (hash) DO NOTHING`,
		hash, p.Format, p.Width, p.Height, p.Data)
	if err == nil {
		err = putRenditions(ctx, tx, hash, p)
	}
	return hash, err
}

// unitTx reads one unit in a transaction; material adds its sections,
// values and photos (with their image data).
func unitTx(ctx context.Context, q Querier, id string, material bool) (dossier.Unit, error) {
	u, err := scanUnit(q.QueryRowContext(ctx, `SELECT `+unitColumns+` FROM unit WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return u, dossier.Errorf(dossier.ENOTFOUND, "单位不存在")
	} else if err != nil {
		return u, err
	}
	if material {
		err = readMaterial(ctx, q, map[string]*dossier.Unit{u.ID: &u}, true)
	}
	return u, err
}

// staleUnit is the refusal of a write based on an older version of the unit.
func staleUnit(ctx context.Context, tx *Tx, id string) error {
	cur, err := unitTx(ctx, tx, id, true)
	if err != nil {
		return err
	}
	return &dossier.StaleError{What: unitWhat(&cur), Current: cur}
}

// UpdateUnit saves a unit's basic information (not its material, not its
// revision) and records what it replaced, in full. u.Version must be the
// version u was loaded at: a unit changed since (re-imported, edited
// elsewhere) is refused with a *dossier.StaleError and nothing is written.
// On success u holds the saved fields and the new version.
func (s *Store) UpdateUnit(ctx context.Context, u *dossier.Unit) (err error) {
	defer s.wrap(&err, "保存单位信息")
	v := *u
	if err := v.Validate(); err != nil {
		return err
	}
	if err := s.tx(ctx, func(tx *Tx) error { return s.updateUnitTx(ctx, tx, &v, dossier.ActionUnitUpdate, "") }); err != nil {
		return err
	}
	for _, f := range dossier.UnitFields {
		*f.Get(u) = *f.Get(&v)
	}
	u.Version = v.Version
	return nil
}

// updateUnitTx writes u's basic fields over the stored ones when u's
// version is current; why, when given, heads the history's detail.
func (s *Store) updateUnitTx(ctx context.Context, tx *Tx, u *dossier.Unit, action dossier.Action, why string) error {
	cur, err := unitTx(ctx, tx, u.ID, false)
	if err != nil {
		return err
	}
	if cur.Version != u.Version {
		return staleUnit(ctx, tx, u.ID)
	}
	if err := checkUnitClash(ctx, tx, u, u.ID); err != nil {
		return err
	}
	d := dossier.CompareUnits(&dossier.Book{}, &cur, u, true)
	if d.Same() {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `UPDATE unit SET code = ?, name = ?, region = ?, kind = ?, recommender = ?, contact = ?, phone = ?, title = ?, summary = ?, status = ?, version = version + 1, updated_at = ? WHERE id = ?`,
		u.Code, u.Name, u.Region, u.Kind, u.Recommender, u.Contact, u.Phone, u.Title, u.Summary, string(u.Status), s.stamp(), u.ID); err != nil {
		return err
	}
	u.Version = cur.Version + 1
	var names []string
	for _, f := range dossier.UnitFields {
		if *f.Get(&cur) != *f.Get(u) {
			names = append(names, f.Label)
		}
	}
	detail := strings.Join(d.Changes, "；")
	if why != "" {
		detail = why + "：" + detail
	}
	if action == dossier.ActionUnitUpdate && len(names) == 1 && names[0] == "状态" {
		action = dossier.ActionUnitStatus
	}
	return s.record(ctx, tx, change{action: action, unitID: u.ID, detail: detail, subject: unitWhat(&cur),
		before: d.Before, after: d.After, undo: &undo{Kind: "unit", Fields: names, Unit: &cur}})
}

// SetStatus changes a unit's status, found by its code. base is the
// version the caller's copy of the unit was loaded at (a stale one is
// refused with a *dossier.StaleError); it returns the new version.
func (s *Store) SetStatus(ctx context.Context, code string, st dossier.Status, base int64) (_ int64, err error) {
	defer s.wrap(&err, "修改单位状态")
	if !st.Valid() {
		return 0, dossier.Errorf(dossier.EINVALID, "状态“%s”无效，应为 已受理、材料待补 或 已撤回", st)
	}
	var version int64
	err = s.tx(ctx, func(tx *Tx) error {
		u, err := scanUnit(tx.QueryRowContext(ctx, `SELECT `+unitColumns+` FROM unit WHERE code = ? COLLATE NOCASE`, dossier.NormCode(code)))
		if errors.Is(err, sql.ErrNoRows) {
			return dossier.Errorf(dossier.ENOTFOUND, "申报编号“%s”的单位不存在", code)
		} else if err != nil {
			return err
		}
		u.Status, u.Version = st, base
		if err := s.updateUnitTx(ctx, tx, &u, dossier.ActionUnitStatus, ""); err != nil {
			return err
		}
		version = u.Version
		return nil
	})
	return version, err
}

// SetMaterial replaces a unit's achievements, indicator values and photos as
// edited in the app. u.Version must be the version u was loaded at (a
// stale one is refused with a *dossier.StaleError); on success it is the
// new version. The history entry keeps the full content it replaced, and a
// snapshot of the material (EditBefore reads it back), so no edit loses
// what was there. An edit that changes nothing writes nothing.
func (s *Store) SetMaterial(ctx context.Context, u *dossier.Unit, what string) (err error) {
	defer s.wrap(&err, "保存单位材料")
	return s.tx(ctx, func(tx *Tx) error { return s.setMaterialTx(ctx, tx, u, dossier.ActionUnitMaterial, what) })
}

func (s *Store) setMaterialTx(ctx context.Context, tx *Tx, u *dossier.Unit, action dossier.Action, what string) error {
	cur, err := unitTx(ctx, tx, u.ID, true)
	if err != nil {
		return err
	}
	if cur.Version != u.Version {
		return &dossier.StaleError{What: unitWhat(&cur), Current: cur}
	}
	cats, err := readCategories(ctx, tx)
	if err != nil {
		return err
	}
	nu := cur
	nu.Achievements, nu.Values, nu.Photos = u.Achievements, u.Values, u.Photos
	d := dossier.CompareUnits(&dossier.Book{Categories: cats}, &cur, &nu, false)
	if d.Same() {
		return nil
	}
	before, _, err := takeSnapshot(ctx, tx, u.ID)
	if err != nil {
		return fmt.Errorf("snapshot: %w", err)
	}
	if err := writeMaterial(ctx, tx, &nu); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE unit SET version = version + 1, updated_at = ? WHERE id = ?`, s.stamp(), u.ID); err != nil {
		return err
	}
	u.Version = cur.Version + 1
	detail := strings.Join(d.Changes, "；")
	if what != "" {
		detail = what + "：" + detail
	}
	return s.record(ctx, tx, change{action: action, unitID: u.ID, detail: detail, subject: unitWhat(&cur),
		before: d.Before, after: d.After, snap: before, undo: &undo{Kind: "material"}})
}

// EditBefore returns the unit as it was just before the edit recorded in
// history entry id (material and photos included), or ENOTFOUND when that
// entry kept no snapshot.
func (s *Store) EditBefore(ctx context.Context, id int64) (_ dossier.Unit, err error) {
	defer s.wrap(&err, "读取修改前的内容")
	var js sql.NullString
	err = s.r.QueryRowContext(ctx, `SELECT before FROM history WHERE id = ?`, id).Scan(&js)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && !js.Valid) {
		return dossier.Unit{}, dossier.Errorf(dossier.ENOTFOUND, "该记录没有保存修改前的内容")
	} else if err != nil {
		return dossier.Unit{}, err
	}
	return unitFromSnapshot(ctx, s.r, js.String)
}

// Revisions returns a unit's earlier revisions, oldest first, with their
// photos' data.
func (s *Store) Revisions(ctx context.Context, unitID string) (_ []dossier.Revision, err error) {
	defer s.wrap(&err, "读取历史版本")
	rows, err := s.r.QueryContext(ctx, `SELECT revision, at, source, snapshot FROM revision WHERE unit_id = ? ORDER BY revision`, unitID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []dossier.Revision
	for rows.Next() {
		var r dossier.Revision
		var at, js string
		if err := rows.Scan(&r.Revision, &at, &r.Source, &js); err != nil {
			return nil, err
		}
		r.UnitID = unitID
		r.At = parseStamp(at)
		if r.Unit, err = unitFromSnapshot(ctx, s.r, js); err != nil {
			return nil, fmt.Errorf("revision %d: %w", r.Revision, err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
