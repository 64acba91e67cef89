// The 图片 sheet of a submission: floating pictures anchored in a row and
// WPS's cell pictures (=DISPIMG), with their captions and categories.

package xlsx

import (
	"errors"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/export/photo"
)

// maxDecodePixels bounds the pixels decoded for one workbook's pictures
// (pictures kept as they are do not count): about 16 phone photos of 12
// megapixels.
const maxDecodePixels = 200_000_000

// maxKeptPictureBytes bounds the picture data held between the first look
// at a workbook's pictures and their normalisation (only pictures kept as
// they are); past it, pictures are inflated again.
const maxKeptPictureBytes = 64 << 20

// photoCell is a picture found on the 图片 sheet.
type photoCell struct {
	at    string // the cell of its top-left corner, or its DISPIMG cell
	media string
}

func (sr *subReader) photos(sh *sheet) {
	t, ok := sr.findTable(sh, []string{HeaderCategory, HeaderCaption})
	if !ok {
		return
	}
	want := t.present(HeaderNumber, HeaderCategory, HeaderCaption)
	sr.checkMerges(t, want, map[string]bool{HeaderCategory: true, HeaderCaption: true, HeaderNumber: true})
	sr.checkHiddenUnderMerges(t, want)
	sr.checkHiddenCols(t, want)
	const firstPicCol = 4 // D
	byRow := map[int][]photoCell{}
	misplaced := map[int]bool{} // rows whose picture was reported out of place
	pics, err := sr.wb.pictures(sh)
	if err != nil {
		sr.ps.add(sh.Name, "", "图片的位置信息已损坏，无法读取（%s）；请用 Excel/WPS 打开后重新保存", xmlErr(err))
		return
	}
	for _, p := range pics {
		at := ref(p.Col, p.Row)
		switch {
		case p.Absolute:
			sr.ps.add(sh.Name, "", "有一张图片没有固定在单元格上，无法确定属于哪一行；请把图片的左上角放在对应行的 D 列")
		case p.Linked:
			sr.ps.add(sh.Name, at, "图片是指向外部文件的链接，没有保存在工作簿中；请用“插入—图片”重新插入")
		case p.Row <= t.header:
			sr.ps.add(sh.Name, at, "图片放在了表头行或其上方（左上角位于 %s）；请把图片移到对应行的 D 列", at)
		case p.Col < firstPicCol:
			sr.ps.add(sh.Name, at, "图片左上角位于 %s，应放在该行的 D 列或其右侧；请移动图片", at)
			misplaced[p.Row] = true
		default:
			byRow[p.Row] = append(byRow[p.Row], photoCell{at, p.Media})
		}
	}
	var cellImages map[string]string
	for i := range sh.Rows {
		r := &sh.Rows[i]
		for j := range r.Cells {
			c := &r.Cells[j]
			formula := c.F
			if !c.HasF {
				formula = c.Text
			}
			m := dispImg.FindStringSubmatch(formula)
			if m == nil || (!c.HasF && !strings.HasPrefix(strings.TrimSpace(formula), "=")) {
				continue
			}
			if cellImages == nil {
				if cellImages, err = sr.wb.cellImageMedia(); err != nil {
					sr.ps.add(sh.Name, "", "WPS 嵌入单元格的图片信息已损坏，无法读取（%s）；请重新插入图片", xmlErr(err))
					return
				}
			}
			media, ok := cellImages[m[1]]
			switch {
			case !ok:
				sr.ps.add(sh.Name, c.Ref(), "找不到 WPS 嵌入单元格的图片（%s）；请重新插入图片", clipText(m[1], 40))
			case r.N <= t.header:
				sr.ps.add(sh.Name, c.Ref(), "图片放在了表头行或其上方；请把图片移到对应行的 D 列")
			case c.Col < firstPicCol:
				sr.ps.add(sh.Name, c.Ref(), "图片位于 %s，应放在该行的 D 列或其右侧", c.Ref())
				misplaced[r.N] = true
			default:
				byRow[r.N] = append(byRow[r.N], photoCell{c.Ref(), media})
			}
		}
	}
	cc, capc := t.cols[HeaderCategory], t.cols[HeaderCaption]
	// Rows in order: those with a caption or a category, and those with a
	// picture.
	rows := map[int]*row{}
	var order []int
	for i := range sh.Rows {
		r := &sh.Rows[i]
		if r.N > t.header {
			rows[r.N] = r
			order = append(order, r.N)
		}
	}
	for n := range byRow {
		if _, ok := rows[n]; !ok {
			rows[n] = &row{N: n}
			order = append(order, n)
		}
	}
	sort.Ints(order)
	type pending struct {
		p              photoCell
		catID, caption string
		data           []byte
	}
	var todo []pending
	var pixels int64
	kept := 0
	for _, n := range order {
		r := rows[n]
		pcs := byRow[n]
		// A merged 图片说明 repeats over its rows, like a merged 类别.
		caption := oneLine(sr.text(sh, sh.mergedValue(r, capc)))
		catName := oneLine(sr.text(sh, sh.mergedValue(r, cc)))
		if len(pcs) == 0 {
			own := r.at(capc) != nil && !r.at(capc).Blank()
			if !misplaced[n] && ((caption != "" && own) || (catName != "" && r.at(cc) != nil)) {
				sr.ps.add(sh.Name, ref(capc, n), "第 %d 行填写了图片说明或类别，但这一行没有图片；请把图片的左上角放在本行 D 列，或删除这一行的说明", n)
			}
			continue
		}
		if sh.rowHidden(n) {
			sr.hiddenRow(sh, r)
		}
		if len(pcs) > 1 {
			cells := make([]string, len(pcs))
			for i, p := range pcs {
				cells[i] = p.at
			}
			sr.ps.add(sh.Name, pcs[0].at, "第 %d 行有 %d 张图片（%s），每行只能放一张；请把其他图片移到下面的行，并分别填写说明", n, len(pcs), strings.Join(cells, "、"))
			continue
		}
		sr.checkLength(sh, ref(capc, n), HeaderCaption, caption, MaxNoteChars, "请精简")
		var catID string
		if catName != "" {
			cat := sr.category(catName)
			if cat == nil {
				sr.ps.add(sh.Name, ref(cc, n), "类别“%s”不是本次评选的类别（%s）；请从下拉列表中选择，或留空", clipText(catName, 30), sr.categoryNames())
				continue
			}
			catID = cat.ID
		}
		p := pcs[0]
		data, err := sr.wb.a.read(p.media, photo.MaxBytes)
		switch {
		case errors.Is(err, errPartTooBig):
			sr.ps.add(sh.Name, p.at, "图片文件过大，单张不能超过 %d MB；请压缩后重新插入", photo.MaxBytes>>20)
			continue
		case err != nil:
			sr.ps.add(sh.Name, p.at, "图片数据缺失或已损坏，无法读取；请重新插入图片")
			continue
		}
		px := photo.DecodePixels(data)
		pixels += px
		if px > 0 || kept+len(data) > maxKeptPictureBytes {
			// Read again when its turn comes: decoding costs far more
			// than inflating, and holding large pictures costs memory.
			data = nil
		}
		kept += len(data)
		todo = append(todo, pending{p, catID, caption, data})
	}
	// Bound the work before doing it: decoding is what costs, about a
	// second per 20 megapixels.
	if pixels > maxDecodePixels {
		sr.ps.add(sh.Name, "", "图片总量过大：需要重新处理的图片共约 %d 万像素，超过 %d 万像素的上限；请在 Excel/WPS 中选中图片使用“压缩图片”，或换用较小的图片后重新保存",
			pixels/10_000, maxDecodePixels/10_000)
		return
	}
	decoded := 0
	for _, t := range todo {
		if t.data == nil {
			decoded++
		}
	}
	type result struct {
		ph  dossier.Photo
		err error
	}
	results := make([]result, len(todo))
	// Pictures to decode are normalised on every core: a workbook with four
	// phone photos is four seconds of one core's work. They are read here,
	// in order (the archive is not for concurrent use), and handed to the
	// workers one by one, so at most one more than the workers is held.
	workers := min(runtime.GOMAXPROCS(0), decoded)
	work := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				results[i].ph, results[i].err = normalize(todo[i].data)
				todo[i].data = nil
			}
		}()
	}
	n := 0 // pictures read, in order
	for i := range todo {
		t := &todo[i]
		if t.data == nil {
			var err error
			if t.data, err = sr.wb.a.read(t.p.media, photo.MaxBytes); err != nil {
				break // the archive failed its check: finish reports it
			}
		}
		if workers < 2 {
			results[i].ph, results[i].err = normalize(t.data)
			t.data = nil
		} else {
			work <- i
		}
		n++
	}
	close(work)
	wg.Wait()
	for i, t := range todo[:n] {
		ph, err := results[i].ph, results[i].err
		if err != nil {
			sr.ps.add(sh.Name, t.p.at, "%s", dossier.ErrorMessage(err))
			continue
		}
		ph.CategoryID, ph.Caption = t.catID, t.caption
		sr.unit.Photos = append(sr.unit.Photos, ph)
	}
}

// normalizing bounds the pictures normalised at once in the process to one
// per core, however many workbooks are read in parallel and however many
// pictures each has: a 12-megapixel photo holds about 30 MB while it is.
var normalizing = make(chan struct{}, runtime.GOMAXPROCS(0))

func normalize(data []byte) (dossier.Photo, error) {
	normalizing <- struct{}{}
	defer func() { <-normalizing }()
	return photo.Normalize(data)
}
