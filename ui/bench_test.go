package ui

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/dossier-app/dossier/assets"
	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/sqlite"
	"github.com/dossier-app/dossier/internal/pgtest"
)

var (
	largeOnce sync.Once
	largeErr  error
	largeDir  string
)

// largeCampaign returns a campaign file with n units spread over regions,
// kinds and statuses, made once per test binary run and copied for each
// caller (making it is the fixture, not what is measured).
func largeCampaign(tb testing.TB, n int) string {
	tb.Helper()
	largeOnce.Do(func() {
		largeDir, largeErr = os.MkdirTemp("", "dossier-ui-bench")
		if largeErr != nil {
			return
		}
		largeErr = makeLarge(filepath.Join(largeDir, "large.dossier"), n)
	})
	if largeErr != nil {
		tb.Fatal(largeErr)
	}
	dst := filepath.Join(tb.TempDir(), "large.dossier")
	in, err := os.Open(filepath.Join(largeDir, "large.dossier"))
	if err != nil {
		tb.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		tb.Fatal(err)
	}
	out.Close()
	return dst
}

func makeLarge(path string, n int) error {
	ctx := context.Background()
	cats, err := dossier.ParseCategories(assets.DefaultCategories)
	if err != nil {
		return err
	}
	s, err := sqlite.Create(ctx, path, sqlite.CreateOptions{Title: "大规模测试评选", Year: 2022, Quota: 100, Categories: cats})
	if err != nil {
		return err
	}
	defer s.Close()
	regions := []string{"郑州市", "开封市", "洛阳市", "平顶山市", "安阳市", "鹤壁市", "新乡市", "焦作市", "濮阳市", "许昌市"}
	kinds := []string{"教育行政部门", "中小学校", "人力资源部门"}
	subs := make([]dossier.Submission, 0, n)
	for i := 0; i < n; i++ {
		subs = append(subs, dossier.Submission{File: "gen", Unit: dossier.Unit{
			Code: fmt.Sprintf("2022-%05d", i), Name: fmt.Sprintf("%s第%d中学", regions[i%len(regions)], i),
			Region: regions[i%len(regions)], Kind: kinds[i%len(kinds)], Title: "事迹标题",
		}})
	}
	items, err := s.Import(ctx, subs, false)
	if err != nil {
		return err
	}
	for _, it := range items {
		if it.Action == dossier.ImportRejected {
			return fmt.Errorf("fixture unit rejected: %v", it.Problems)
		}
	}
	for i := 0; i < n; i += 7 {
		if u, err := s.UnitByCode(ctx, fmt.Sprintf("2022-%05d", i)); err == nil {
			s.SetStatus(ctx, u.Code, dossier.StatusPending, u.Version)
		}
		if i > 10 {
			break
		}
	}
	return nil
}

const largeUnits = 10000

// TestMain removes the large campaign made for the benchmarks, and stops
// the PostgreSQL server the server tests started.
func TestMain(m *testing.M) {
	code := pgtest.Main(m)
	if largeDir != "" {
		os.RemoveAll(largeDir)
	}
	os.Exit(code)
}

// openLarge opens the large campaign on the units screen and paints it.
func openLarge(tb testing.TB, a *App, path string) *unitsTab {
	if err := a.Open(path); err != nil {
		tb.Fatal(err)
	}
	a.ShowScreen(ScreenUnits)
	a.win.Canvas().Capture()
	return a.cur.screen(ScreenUnits).(*unitsTab)
}

// BenchmarkUnitsFirstPaint opens a 10,000-unit campaign on the units
// screen and paints the window (goal: under 1 s).
func BenchmarkUnitsFirstPaint(b *testing.B) {
	path := largeCampaign(b, largeUnits)
	a, _ := newTestApp(b)
	b.ResetTimer()
	for b.Loop() {
		ut := openLarge(b, a, path)
		if len(ut.all) != largeUnits {
			b.Fatalf("%d units", len(ut.all))
		}
		b.StopTimer()
		a.Close()
		b.StartTimer()
	}
}

// BenchmarkUnitsFilterKeystroke changes the search text of a 10,000-unit
// list: filtering and refreshing the table (goal: under 50 ms).
func BenchmarkUnitsFilterKeystroke(b *testing.B) {
	benchmarkFilter(b, false)
}

// BenchmarkUnitsFilterKeystrokeAndPaint is the same followed by a repaint
// of the whole 1366 × 768 window with the test driver's software painter
// (the app itself paints with OpenGL).
func BenchmarkUnitsFilterKeystrokeAndPaint(b *testing.B) {
	benchmarkFilter(b, true)
}

func benchmarkFilter(b *testing.B, paint bool) {
	path := largeCampaign(b, largeUnits)
	a, _ := newTestApp(b)
	ut := openLarge(b, a, path)
	queries := []string{"郑", "郑州", "郑州市第1", "2022-0", "洛阳", "许昌市第9", "新", ""}
	i := 0
	b.ResetTimer()
	for b.Loop() {
		ut.search.SetText(queries[i%len(queries)])
		if paint {
			a.win.Canvas().Capture()
		}
		i++
	}
	b.StopTimer()
	// A fast filter that finds the wrong units is no result.
	ut.search.SetText("郑州市第12")
	if len(ut.shown) != 11 { // 郑州市第120中学 and 第1200…1290中学
		b.Errorf("%d units match 郑州市第12", len(ut.shown))
	}
}
