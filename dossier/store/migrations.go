package store

import (
	"io/fs"
	"sort"
	"strconv"
	"strings"
)

// Migration is one numbered step of an adapter's schema: a file
// migrations/NNNN_name.sql of its embedded files.
type Migration struct {
	Version int
	Name    string
	SQL     string
}

// Migrations reads an adapter's migrations/*.sql, in version order. A file
// without a number is a build mistake and panics.
func Migrations(fsys fs.FS) []Migration {
	entries, err := fs.ReadDir(fsys, "migrations")
	if err != nil {
		panic(err)
	}
	var out []Migration
	for _, e := range entries {
		v, err := strconv.Atoi(strings.SplitN(e.Name(), "_", 2)[0])
		if err != nil {
			panic("migration without a number: " + e.Name())
		}
		b, _ := fs.ReadFile(fsys, "migrations/"+e.Name())
		out = append(out, Migration{v, e.Name(), string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Version < out[j].Version })
	return out
}
