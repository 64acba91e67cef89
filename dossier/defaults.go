package dossier

import (
	"encoding/json"
	"fmt"
)

// CategorySpec is a category as written in assets/defaults/categories.json
// and in the demo campaign.
type CategorySpec struct {
	Name        string          `json:"name"`
	Slogan      string          `json:"slogan"`
	Description string          `json:"description"`
	Max         float64         `json:"max"`
	Indicators  []IndicatorSpec `json:"indicators"`
}

// IndicatorSpec is an indicator as written in the defaults.
type IndicatorSpec struct {
	Name      string    `json:"name"`
	Unit      string    `json:"unit"`
	Direction Direction `json:"direction"`
}

// ParseCategories reads a default category set (JSON) into categories
// without IDs, in order.
func ParseCategories(data []byte) ([]Category, error) {
	var specs []CategorySpec
	if err := json.Unmarshal(data, &specs); err != nil {
		return nil, fmt.Errorf("parse categories: %w", err)
	}
	out := make([]Category, 0, len(specs))
	for i, s := range specs {
		max, err := TenthsFromFloat(s.Max)
		if err != nil || max <= 0 {
			return nil, fmt.Errorf("category %s: bad maximum %v", s.Name, s.Max)
		}
		c := Category{Name: s.Name, Slogan: s.Slogan, Description: s.Description, Max: max, Position: i}
		for j, in := range s.Indicators {
			if in.Direction != HigherBetter && in.Direction != LowerBetter {
				return nil, fmt.Errorf("indicator %s: bad direction %q", in.Name, in.Direction)
			}
			c.Indicators = append(c.Indicators, Indicator{Name: in.Name, Unit: in.Unit, Direction: in.Direction, Position: j})
		}
		out = append(out, c)
	}
	return out, nil
}
