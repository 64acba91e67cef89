package store

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/dossier-app/dossier/dossier"
)

// A unit's snapshot (revision.snapshot, history.before) is part of the
// file format: it is a DTO of its own, tagged with its version, never
// json.Marshal of dossier.Unit (a renamed field would silently empty old
// snapshots). Version 1: {"v":1,"unit":{…snake_case…},"photos":[…]}.
// Snapshots written before the tag (version 0) carry dossier.Unit's Go field
// names as they were then; unitV0 keeps those names frozen.

// snapshotVersion is the version new snapshots are written in.
const snapshotVersion = 1

type snapshotV1 struct {
	V      int         `json:"v"`
	Unit   unitV1      `json:"unit"`
	Photos []snapPhoto `json:"photos"`
}

type unitV1 struct {
	ID           string          `json:"id"`
	Code         string          `json:"code"`
	Name         string          `json:"name"`
	Region       string          `json:"region"`
	Kind         string          `json:"kind"`
	Recommender  string          `json:"recommender"`
	Contact      string          `json:"contact"`
	Phone        string          `json:"phone"`
	Title        string          `json:"title"`
	Summary      string          `json:"summary"`
	Status       string          `json:"status"`
	Revision     int             `json:"revision"`
	Version      int64           `json:"version"`
	Achievements []achievementV1 `json:"achievements"`
	Values       []valueV1       `json:"values"`
}

type achievementV1 struct {
	CategoryID string `json:"category_id"`
	Heading    string `json:"heading"`
	Body       string `json:"body"`
}

type valueV1 struct {
	IndicatorID string  `json:"indicator_id"`
	Value       float64 `json:"value"`
	Note        string  `json:"note"`
	NoValue     bool    `json:"no_value,omitempty"`
}

// unitV0 is dossier.Unit as json.Marshal wrote it before snapshots were
// versioned (its photos are in the snapshot's own list).
type unitV0 struct {
	ID           string `json:"ID"`
	Code         string `json:"Code"`
	Name         string `json:"Name"`
	Region       string `json:"Region"`
	Kind         string `json:"Kind"`
	Recommender  string `json:"Recommender"`
	Contact      string `json:"Contact"`
	Phone        string `json:"Phone"`
	Title        string `json:"Title"`
	Summary      string `json:"Summary"`
	Status       string `json:"Status"`
	Revision     int    `json:"Revision"`
	Version      int64  `json:"Version"`
	Achievements []struct {
		CategoryID string `json:"CategoryID"`
		Heading    string `json:"Heading"`
		Body       string `json:"Body"`
	} `json:"Achievements"`
	Values []struct {
		IndicatorID string  `json:"IndicatorID"`
		Value       float64 `json:"Value"`
		Note        string  `json:"Note"`
		NoValue     bool    `json:"NoValue"`
	} `json:"Values"`
}

type snapPhoto struct {
	ID         string `json:"id"`
	CategoryID string `json:"category_id"`
	Caption    string `json:"caption"`
	Hash       string `json:"hash"`
}

func encodeSnapshot(u *dossier.Unit, photos []snapPhoto) (string, error) {
	d := snapshotV1{V: snapshotVersion, Photos: photos, Unit: unitV1{ID: u.ID, Code: u.Code, Name: u.Name, Region: u.Region,
		Kind: u.Kind, Recommender: u.Recommender, Contact: u.Contact, Phone: u.Phone, Title: u.Title, Summary: u.Summary,
		Status: string(u.Status), Revision: u.Revision, Version: u.Version}}
	for _, a := range u.Achievements {
		d.Unit.Achievements = append(d.Unit.Achievements, achievementV1{a.CategoryID, a.Heading, a.Body})
	}
	for _, v := range u.Values {
		d.Unit.Values = append(d.Unit.Values, valueV1{v.IndicatorID, v.Value, v.Note, v.NoValue})
	}
	b, err := json.Marshal(d)
	return string(b), err
}

// decodeSnapshot reads a snapshot of any version this build knows.
func decodeSnapshot(js string) (dossier.Unit, []snapPhoto, error) {
	var env struct {
		V      int             `json:"v"`
		Unit   json.RawMessage `json:"unit"`
		Photos []snapPhoto     `json:"photos"`
	}
	if err := json.Unmarshal([]byte(js), &env); err != nil {
		return dossier.Unit{}, nil, fmt.Errorf("snapshot: %w", err)
	}
	var d unitV1
	switch env.V {
	case 0:
		var o unitV0
		if err := json.Unmarshal(env.Unit, &o); err != nil {
			return dossier.Unit{}, nil, fmt.Errorf("snapshot v0: %w", err)
		}
		d = unitV1{ID: o.ID, Code: o.Code, Name: o.Name, Region: o.Region, Kind: o.Kind, Recommender: o.Recommender,
			Contact: o.Contact, Phone: o.Phone, Title: o.Title, Summary: o.Summary, Status: o.Status, Revision: o.Revision, Version: o.Version}
		for _, a := range o.Achievements {
			d.Achievements = append(d.Achievements, achievementV1{a.CategoryID, a.Heading, a.Body})
		}
		for _, v := range o.Values {
			d.Values = append(d.Values, valueV1{v.IndicatorID, v.Value, v.Note, v.NoValue})
		}
	case 1:
		if err := json.Unmarshal(env.Unit, &d); err != nil {
			return dossier.Unit{}, nil, fmt.Errorf("snapshot v1: %w", err)
		}
	default:
		return dossier.Unit{}, nil, dossier.Errorf(dossier.EINVALID, "单位的历史版本由更新版本的软件写入（快照格式 %d，本软件支持到 %d），无法读取；请升级软件", env.V, snapshotVersion)
	}
	u := dossier.Unit{ID: d.ID, Code: d.Code, Name: d.Name, Region: d.Region, Kind: d.Kind, Recommender: d.Recommender,
		Contact: d.Contact, Phone: d.Phone, Title: d.Title, Summary: d.Summary, Status: dossier.Status(d.Status),
		Revision: d.Revision, Version: d.Version}
	for _, a := range d.Achievements {
		u.Achievements = append(u.Achievements, dossier.Achievement{CategoryID: a.CategoryID, Heading: a.Heading, Body: a.Body})
	}
	for _, v := range d.Values {
		u.Values = append(u.Values, dossier.IndicatorValue{IndicatorID: v.IndicatorID, Value: v.Value, Note: v.Note, NoValue: v.NoValue})
	}
	return u, env.Photos, nil
}

func unitFromSnapshot(ctx context.Context, q Querier, js string) (dossier.Unit, error) {
	u, photos, err := decodeSnapshot(js)
	if err != nil {
		return u, err
	}
	for _, p := range photos {
		ph := dossier.Photo{ID: p.ID, CategoryID: p.CategoryID, Caption: p.Caption}
		if err := q.QueryRowContext(ctx, `SELECT format, width, height, data FROM image WHERE hash = ?`, p.Hash).
			Scan(&ph.Format, &ph.Width, &ph.Height, &ph.Data); err != nil {
			return u, fmt.Errorf("snapshot photo: %w", err)
		}
		u.Photos = append(u.Photos, ph)
	}
	return u, nil
}

func takeSnapshot(ctx context.Context, tx *Tx, id string) (string, int, error) {
	u, err := scanUnit(tx.QueryRowContext(ctx, `SELECT `+unitColumns+` FROM unit WHERE id = ?`, id))
	if err != nil {
		return "", 0, err
	}
	if err := readMaterial(ctx, tx, map[string]*dossier.Unit{id: &u}, false); err != nil {
		return "", 0, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, coalesce(category_id, ''), caption, image_hash FROM photo WHERE unit_id = ? ORDER BY position`, id)
	if err != nil {
		return "", 0, err
	}
	defer rows.Close()
	var photos []snapPhoto
	for rows.Next() {
		var p snapPhoto
		if err := rows.Scan(&p.ID, &p.CategoryID, &p.Caption, &p.Hash); err != nil {
			return "", 0, err
		}
		photos = append(photos, p)
	}
	if err := rows.Err(); err != nil {
		return "", 0, err
	}
	js, err := encodeSnapshot(&u, photos)
	return js, u.Revision, err
}
