package pdf

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"runtime"
	"slices"
	"strconv"
)

// Why a post-pass: fpdf (v0.12.0, the maintained go-pdf fork) writes one
// resource dictionary that every page shares, so a page cut out of the
// document carries every picture, and it keeps every registered picture in
// memory until the end. The pictures are therefore never given to fpdf:
// pages draw them by name, and assemblePDF rewrites fpdf's finished output as
// it copies it to the writer, giving each page that draws pictures a
// resource dictionary of its own, then streams the pictures in, one at a
// time, straight from the campaign. fpdf's output without pictures is
// small (text, fonts, outline), and its layout is fixed: page n is object
// 2n+1, every page says "/Resources 2 0 R", the cross-reference table and
// trailer end the file.

var (
	errLayout  = errors.New("pdf: unexpected layout of fpdf's output")
	trailerRef = regexp.MustCompile(`/(Root|Info) (\d+) 0 R`)
	resources  = []byte("/Resources 2 0 R")
)

// offsetWriter counts the bytes written, for the cross-reference table.
type offsetWriter struct {
	w   *bufio.Writer
	n   int64
	err error
}

func (o *offsetWriter) Write(p []byte) (int, error) {
	if o.err != nil {
		return 0, o.err
	}
	n, err := o.w.Write(p)
	o.n += int64(n)
	o.err = err
	return n, err
}

func (o *offsetWriter) printf(format string, args ...any) {
	fmt.Fprintf(o, format, args...)
}

// fpdfObjects parses the cross-reference table and trailer fpdf wrote.
func fpdfObjects(doc []byte) (offsets []int, xref int, root, info int, err error) {
	i := bytes.LastIndex(doc, []byte("startxref\n"))
	if i < 0 {
		return nil, 0, 0, 0, errLayout
	}
	rest := doc[i+len("startxref\n"):]
	if j := bytes.IndexByte(rest, '\n'); j >= 0 {
		rest = rest[:j]
	}
	xref, err = strconv.Atoi(string(rest))
	if err != nil || xref <= 0 || xref >= len(doc) {
		return nil, 0, 0, 0, errLayout
	}
	var n int
	if _, err := fmt.Sscanf(string(doc[xref:min(len(doc), xref+40)]), "xref\n0 %d\n", &n); err != nil || n < 3 {
		return nil, 0, 0, 0, errLayout
	}
	p := xref + bytes.IndexByte(doc[xref+5:], '\n') + 6
	offsets = make([]int, n)
	for k := 0; k < n; k++ {
		if p+20 > len(doc) {
			return nil, 0, 0, 0, errLayout
		}
		if k > 0 {
			off, err := strconv.Atoi(string(doc[p : p+10]))
			if err != nil || off <= 0 || off >= xref {
				return nil, 0, 0, 0, errLayout
			}
			offsets[k] = off
		}
		p += 20
	}
	for _, m := range trailerRef.FindAllSubmatch(doc[p:], -1) {
		v, _ := strconv.Atoi(string(m[2]))
		if string(m[1]) == "Root" {
			root = v
		} else {
			info = v
		}
	}
	if root <= 0 || info <= 0 || root >= n || info >= n {
		return nil, 0, 0, 0, errLayout
	}
	return offsets, xref, root, info, nil
}

// assemblePDF writes the finished document doc (fpdf's output, pictures left
// out) to w with the pictures of im, pages pages long. It returns the bytes
// of picture data embedded.
func assemblePDF(w io.Writer, doc []byte, pages int, im *images) (int64, error) {
	offsets, xref, root, info, err := fpdfObjects(doc)
	if err != nil {
		return 0, err
	}
	n := len(offsets)
	order := make([]int, 0, n-1)
	for k := 1; k < n; k++ {
		order = append(order, k)
	}
	slices.SortFunc(order, func(a, b int) int { return offsets[a] - offsets[b] })
	span := func(idx int) []byte {
		end := xref
		if idx+1 < len(order) {
			end = offsets[order[idx+1]]
		}
		return doc[offsets[order[idx]]:end]
	}
	// The shared dictionary, to copy into the pages that draw pictures.
	var shared []byte
	for idx, k := range order {
		if k == 2 {
			obj := span(idx)
			a, b := bytes.Index(obj, []byte("<<")), bytes.LastIndex(obj, []byte(">>"))
			if a < 0 || b < a {
				return 0, errLayout
			}
			shared = subsetTags(bytes.Clone(obj[a+2 : b]))
		}
	}
	empty := []byte("/XObject <<\n>>")
	if !bytes.Contains(shared, empty) {
		return 0, errLayout
	}

	out := &offsetWriter{w: bufio.NewWriterSize(w, 1<<20)}
	newOff := make([]int64, n+len(im.list))
	// The header too goes through subsetTags, which may also raise the
	// version fpdf declares.
	out.Write(subsetTags(bytes.Clone(doc[:offsets[order[0]]])))
	for idx, k := range order {
		obj := span(idx)
		newOff[k] = out.n
		// Only the dictionary part is rewritten; streams are copied as they are.
		head, stream := obj, []byte(nil)
		if s := bytes.Index(obj, []byte("\nstream\n")); s >= 0 {
			head, stream = obj[:s], obj[s:]
		}
		head = subsetTags(head)
		if k%2 == 1 && k >= 3 && (k-1)/2 <= pages {
			if !bytes.Contains(head, []byte("/Type /Page\n")) || !bytes.Contains(head, resources) {
				return 0, errLayout
			}
			if used := im.pages[(k-1)/2]; len(used) > 0 {
				var xo bytes.Buffer
				xo.WriteString("/XObject <<\n")
				for _, i := range used {
					fmt.Fprintf(&xo, "/%s %d 0 R\n", imageName(i), n+i)
				}
				xo.WriteString(">>")
				dict := bytes.Replace(shared, empty, xo.Bytes(), 1)
				head = bytes.Replace(head, resources, append(append([]byte("/Resources <<"), dict...), ">>"...), 1)
			}
		}
		out.Write(head)
		out.Write(stream)
	}
	imageBytes, err := im.write(out, n, newOff)
	if err != nil {
		return 0, err
	}
	total := n + len(im.list)
	start := out.n
	out.printf("xref\n0 %d\n0000000000 65535 f \n", total)
	for k := 1; k < total; k++ {
		out.printf("%010d 00000 n \n", newOff[k])
	}
	out.printf("trailer\n<<\n/Size %d\n/Root %d 0 R\n/Info %d 0 R\n>>\nstartxref\n%d\n%%%%EOF\n", total, root, info, start)
	if out.err != nil {
		return 0, out.err
	}
	return imageBytes, out.w.Flush()
}

// write prepares the pictures on every core, in order and a few at a time
// (each worker holds one decoded picture), and writes them as objects
// first, first+1, … recording their offsets.
func (im *images) write(out *offsetWriter, first int, offsets []int64) (int64, error) {
	n := len(im.list)
	if n == 0 {
		return 0, nil
	}
	workers := runtime.GOMAXPROCS(0)
	type result struct {
		x    xobject
		warn string
	}
	results := make([]chan result, n)
	for i := range results {
		results[i] = make(chan result, 1)
	}
	// At most 2 × workers prepared pictures wait to be written.
	slots := make(chan struct{}, 2*workers)
	jobs := make(chan int)
	done := make(chan struct{})
	defer close(done)
	go func() {
		defer close(jobs)
		for i := 0; i < n; i++ {
			select {
			case slots <- struct{}{}:
			case <-done:
				return
			}
			select {
			case jobs <- i:
			case <-done:
				return
			}
		}
	}()
	for range workers {
		go func() {
			for i := range jobs {
				x, warn := im.prepare(im.list[i])
				results[i] <- result{x, warn}
			}
		}()
	}
	var total int64
	for i := 0; i < n; i++ {
		res := <-results[i]
		results[i] = nil
		<-slots
		x := res.x
		if res.warn != "" {
			im.warned = append(im.warned, res.warn)
		}
		offsets[first+i] = out.n
		out.printf("%d 0 obj\n<</Type /XObject\n/Subtype /Image\n/Width %d\n/Height %d\n/ColorSpace %s\n/BitsPerComponent 8\n", first+i, x.w, x.h, x.cs)
		if x.filter != "" {
			out.printf("/Filter %s\n", x.filter)
		}
		if x.filter == "/DCTDecode" {
			out.printf("/DecodeParms <</ColorTransform %d>>\n", x.transform)
		}
		out.printf("/Length %d>>\nstream\n", len(x.data))
		out.Write(x.data)
		out.printf("\nendstream\nendobj\n")
		total += int64(len(x.data))
		if out.err != nil {
			return 0, out.err
		}
	}
	return total, nil
}

// prepare fetches and prepares one picture; a picture that cannot be read
// becomes a light grey box, and the warning says so.
func (im *images) prepare(e *embed) (xobject, string) {
	p, err := im.data(e)
	if err == nil && len(p.Data) == 0 {
		err = errors.New("图片数据缺失")
	}
	var x xobject
	if err == nil {
		x, err = prepare(e, p)
	}
	if err != nil {
		return placeholder, fmt.Sprintf("图片“%s”无法嵌入（%v），已以灰框代替", photoLabel(e.ref.photo), err)
	}
	return x, ""
}
