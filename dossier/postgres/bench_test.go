package postgres

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"math/rand"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/dossier-app/dossier/assets"
	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/sqlite"
	"github.com/dossier-app/dossier/dossier/store"
	"github.com/dossier-app/dossier/internal/pgtest"
)

// largeFile makes a campaign file of units × evaluators × the five default
// categories, every score given, and one distinct photo of about 100 KB per
// unit when photos is set (the fixture, not what is measured).
func largeFile(b *testing.B, units, evaluators int, photos bool) (*store.Store, string) {
	b.Helper()
	ctx := context.Background()
	cats, err := dossier.ParseCategories(assets.DefaultCategories)
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), "large.dossier")
	rng := rand.New(rand.NewSource(1))
	regions := []string{"郑州市", "开封市", "洛阳市", "平顶山市", "安阳市", "鹤壁市", "新乡市", "焦作市", "濮阳市", "许昌市"}
	fill := func(ctx context.Context, s *store.Store) error {
		for j := 0; j < evaluators; j++ {
			if err := s.AddEvaluator(ctx, &dossier.Evaluator{Name: fmt.Sprintf("评委%02d", j)}); err != nil {
				return err
			}
		}
		subs := make([]dossier.Submission, units)
		for i := range subs {
			u := dossier.Unit{Code: fmt.Sprintf("2026-%04d", i+1), Name: fmt.Sprintf("测试单位%04d", i+1), Region: regions[i%len(regions)],
				Title: "事迹标题", Summary: "事迹简介"}
			if photos {
				u.Photos = []dossier.Photo{noisePhoto(rng, fmt.Sprintf("图片%04d", i+1))}
			}
			subs[i] = dossier.Submission{File: fmt.Sprintf("申报表%04d.xlsx", i+1), Unit: u}
		}
		if _, err := s.Import(ctx, subs, false); err != nil {
			return err
		}
		bk, err := s.Book(ctx, store.LoadOptions{})
		if err != nil {
			return err
		}
		for _, u := range bk.Units {
			var ins []store.ScoreInput
			for _, e := range bk.Evaluators {
				for _, c := range bk.Categories {
					v := dossier.Tenths(120 + rng.Intn(80))
					ins = append(ins, store.ScoreInput{Evaluator: e.Name, Unit: u.Code, Category: c.Name, Value: &v})
				}
			}
			if err := s.SetScores(ctx, ins); err != nil {
				return err
			}
		}
		return nil
	}
	s, err := sqlite.Create(ctx, path, sqlite.CreateOptions{Title: "大规模测试", Year: 2026, Quota: 100, Categories: cats, Fill: fill})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s, path
}

func noisePhoto(rng *rand.Rand, caption string) dossier.Photo {
	const w, h = 480, 320
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{uint8(rng.Intn(256)), uint8(x), uint8(y), 255})
		}
	}
	var buf bytes.Buffer
	jpeg.Encode(&buf, img, &jpeg.Options{Quality: 85})
	return dossier.Photo{Caption: caption, Format: "jpeg", Width: w, Height: h, Data: buf.Bytes()}
}

func newServerDB(b *testing.B) string {
	b.Helper()
	srv := pgtest.Shared(b)
	name, err := srv.CreateDatabase(context.Background(), b.Name())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { srv.DropDatabase(context.Background(), name) })
	return srv.URL(name, pgtest.Superuser, pgtest.Password)
}

// BenchmarkRank ranks 1,000 units × 30 evaluators × 5 categories from the
// file and from the server (issue 16: the server within 2× of the file).
func BenchmarkRank(b *testing.B) {
	ctx := context.Background()
	file, _ := largeFile(b, 1000, 30, false)
	srv, err := Create(ctx, newServerDB(b), CreateOptions{Copy: file})
	if err != nil {
		b.Fatal(err)
	}
	defer srv.Close()
	for _, c := range []struct {
		name string
		s    *store.Store
	}{{"file", file}, {"server", srv}} {
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, r, err := c.s.Rank(ctx); err != nil || len(r.Standings) != 1000 {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkConcurrentScoring: 30 evaluators at once, each through its own
// login and store, each writing 150 scores one save at a time; then the
// same with 4 stores on one file. Every write must land, once.
func BenchmarkConcurrentScoring(b *testing.B) {
	ctx := context.Background()
	file, path := largeFile(b, 30, 30, false)
	bk, err := file.Book(ctx, store.LoadOptions{})
	if err != nil {
		b.Fatal(err)
	}
	u := newServerDB(b)
	owner, err := Create(ctx, u, CreateOptions{Copy: file})
	if err != nil {
		b.Fatal(err)
	}
	defer owner.Close()
	db, cfg, err := Connect(ctx, u, ConnectOptions{})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	logins := make([]string, len(bk.Evaluators))
	for j, e := range bk.Evaluators {
		login := fmt.Sprintf("bench%02d_%s", j, cfg.Database[len(cfg.Database)-6:])
		pw, err := AddAccount(ctx, db, cfg.Server, AccountOptions{Login: login, Role: RoleEvaluator, Evaluator: e.Name})
		if err != nil {
			b.Fatal(err)
		}
		lu, _ := url.Parse(u)
		lu.User = url.UserPassword(login, pw)
		logins[j] = lu.String()
	}
	// scoreAll has writers w each write the scores of evaluators[w::writers]
	// and returns how many writes failed.
	scoreAll := func(b *testing.B, stores []*store.Store, evs []int, round int) int64 {
		var failed atomic.Int64
		var wg sync.WaitGroup
		for w, s := range stores {
			wg.Add(1)
			go func(w int, s *store.Store) {
				defer wg.Done()
				for k := w; k < len(evs); k += len(stores) {
					e := bk.Evaluators[evs[k]]
					for _, un := range bk.Units {
						for _, c := range bk.Categories {
							v := dossier.Tenths(100 + (round+evs[k]+len(un.Code))%90)
							if err := s.SetScore(ctx, store.ScoreInput{Evaluator: e.Name, Unit: un.Code, Category: c.Name, Value: &v}); err != nil {
								failed.Add(1)
								b.Log(err)
							}
						}
					}
				}
			}(w, s)
		}
		wg.Wait()
		return failed.Load()
	}
	all := make([]int, len(bk.Evaluators))
	for j := range all {
		all[j] = j
	}
	b.Run("server-30-logins", func(b *testing.B) {
		stores := make([]*store.Store, len(logins))
		for j, l := range logins {
			if stores[j], err = Open(ctx, l); err != nil {
				b.Fatal(err)
			}
			defer stores[j].Close()
		}
		for i := 0; i < b.N; i++ {
			// Each login writes only its own evaluator's scores.
			var wg sync.WaitGroup
			var failed atomic.Int64
			for j, s := range stores {
				wg.Add(1)
				go func(j int, s *store.Store) {
					defer wg.Done()
					e := bk.Evaluators[j]
					for _, un := range bk.Units {
						for _, c := range bk.Categories {
							v := dossier.Tenths(100 + (i+j+len(un.Code))%90)
							if err := s.SetScore(ctx, store.ScoreInput{Evaluator: e.Name, Unit: un.Code, Category: c.Name, Value: &v}); err != nil {
								failed.Add(1)
								b.Error(err)
							}
						}
					}
				}(j, s)
			}
			wg.Wait()
			if failed.Load() > 0 {
				b.Fatalf("%d writes failed", failed.Load())
			}
		}
		checkLanded(b, owner, bk, b.N-1)
	})
	b.Run("file-4-stores", func(b *testing.B) {
		stores := make([]*store.Store, 4)
		for w := range stores {
			if stores[w], err = sqlite.Open(ctx, path); err != nil {
				b.Fatal(err)
			}
			defer stores[w].Close()
		}
		var failed int64
		for i := 0; i < b.N; i++ {
			failed += scoreAll(b, stores, all, i)
		}
		// The file's figures are for comparison: its failures (a writer
		// that waited past the busy timeout) are reported, not fatal.
		b.ReportMetric(float64(failed)/float64(b.N), "failures/op")
		if failed == 0 {
			checkLanded(b, stores[0], bk, b.N-1)
		}
	})
	b.Run("file-4-processes", func(b *testing.B) {
		var failed int64
		for i := 0; i < b.N; i++ {
			var wg sync.WaitGroup
			var mu sync.Mutex
			for w := 0; w < 4; w++ {
				wg.Add(1)
				go func(w int) {
					defer wg.Done()
					cmd := exec.Command(os.Args[0], "-test.run=^TestScoringWorker$", "-test.bench=^$", "-test.count=1")
					cmd.Env = append(os.Environ(), fmt.Sprintf("DOSSIER_SCORE_WORKER=%s|%d|4|%d", path, w, i))
					out, err := cmd.CombinedOutput()
					var n int64
					if _, serr := fmt.Sscanf(lastLine(string(out), "failed="), "failed=%d", &n); err != nil || serr != nil {
						b.Errorf("worker %d: %v %v\n%s", w, err, serr, out)
						n = 1
					}
					mu.Lock()
					failed += n
					mu.Unlock()
				}(w)
			}
			wg.Wait()
		}
		b.ReportMetric(float64(failed)/float64(b.N), "failures/op")
		if failed == 0 {
			s, err := sqlite.Open(ctx, path)
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			checkLanded(b, s, bk, b.N-1)
		}
	})
}

// lastLine returns the last line of out that starts with prefix, "" if none.
func lastLine(out, prefix string) string {
	found := ""
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, prefix) {
			found = l
		}
	}
	return found
}

// TestScoringWorker is one process of BenchmarkConcurrentScoring's
// file-4-processes: given DOSSIER_SCORE_WORKER=FILE|W|WRITERS|ROUND it opens
// the campaign file and writes, one save at a time, the scores of the
// evaluators W, W+WRITERS, … with that round's values, then prints how many
// writes failed. Without the variable it does nothing.
func TestScoringWorker(t *testing.T) {
	spec := os.Getenv("DOSSIER_SCORE_WORKER")
	if spec == "" {
		t.Skip("only run by BenchmarkConcurrentScoring")
	}
	parts := strings.Split(spec, "|")
	if len(parts) != 4 {
		t.Fatalf("DOSSIER_SCORE_WORKER=%q", spec)
	}
	w, _ := strconv.Atoi(parts[1])
	writers, _ := strconv.Atoi(parts[2])
	round, _ := strconv.Atoi(parts[3])
	ctx := context.Background()
	s, err := sqlite.Open(ctx, parts[0])
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	bk, err := s.Book(ctx, store.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	failed := 0
	for k := w; k < len(bk.Evaluators); k += writers {
		e := bk.Evaluators[k]
		for _, un := range bk.Units {
			for _, c := range bk.Categories {
				v := dossier.Tenths(100 + (round+k+len(un.Code))%90)
				if err := s.SetScore(ctx, store.ScoreInput{Evaluator: e.Name, Unit: un.Code, Category: c.Name, Value: &v}); err != nil {
					failed++
					t.Log(err)
				}
			}
		}
	}
	fmt.Printf("failed=%d\n", failed)
}

// checkLanded: every score holds the last round's value, and the score log
// replays to them.
func checkLanded(b *testing.B, s *store.Store, bk *dossier.Book, round int) {
	b.Helper()
	ctx := context.Background()
	got, err := s.Book(ctx, store.LoadOptions{})
	if err != nil {
		b.Fatal(err)
	}
	code := map[string]string{}
	for _, u := range got.Units {
		code[u.ID] = u.Code
	}
	idx := map[string]int{}
	for j, e := range got.Evaluators {
		idx[e.ID] = j
	}
	lost := 0
	for _, sc := range got.Scores {
		if want := dossier.Tenths(100 + (round+idx[sc.EvaluatorID]+len(code[sc.UnitID]))%90); sc.Value != want {
			lost++
		}
	}
	if n := len(bk.Units) * len(bk.Evaluators) * len(bk.Categories); len(got.Scores) != n || lost > 0 {
		b.Fatalf("%d scores, %d not as last written; want %d, 0", len(got.Scores), lost, n)
	}
	if v, err := s.Verify(ctx); err != nil || !v.OK {
		b.Fatalf("verify: %+v %v", v, err)
	}
}

// BenchmarkCopy copies a 1,000-unit campaign with a photo per unit from the
// file to the server and back.
func BenchmarkCopy(b *testing.B) {
	ctx := context.Background()
	file, _ := largeFile(b, 1000, 30, true)
	var onServer *store.Store
	parent := b
	b.Run("file-to-server", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			s, err := Create(ctx, newServerDB(parent), CreateOptions{Copy: file})
			if err != nil {
				b.Fatal(err)
			}
			if onServer != nil {
				onServer.Close()
			}
			onServer = s
		}
	})
	defer onServer.Close()
	b.Run("server-to-file", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			out := filepath.Join(b.TempDir(), fmt.Sprintf("back%d.dossier", i))
			s, err := sqlite.Create(ctx, out, sqlite.CreateOptions{Title: "x", Fill: func(ctx context.Context, dst *store.Store) error {
				return onServer.CopyTo(ctx, dst)
			}})
			if err != nil {
				b.Fatal(err)
			}
			s.Close()
		}
	})
}
