package pdf

import (
	"encoding/xml"
	"strings"
)

// xmpPacket is the document's XMP metadata (ISO 16684-1), the same facts as
// the information dictionary: title, author, subject, keywords, language,
// producer and dates. It depends only on m, so the bytes stay the same for
// the same campaign. Embedding it also makes fpdf declare PDF 1.4, the
// version that /Lang and /Metadata need.
func xmpPacket(m meta) []byte {
	esc := func(s string) string {
		var b strings.Builder
		xml.EscapeText(&b, []byte(s))
		return b.String()
	}
	date := m.date
	if date.IsZero() {
		date = fallbackDate
	}
	when := date.Format("2006-01-02T15:04:05Z07:00")
	var b strings.Builder
	b.WriteString(`<?xpacket begin="` + "\uFEFF" + `" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
`)
	b.WriteString(`<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">` + esc(m.title) + `</rdf:li></rdf:Alt></dc:title>
`)
	if m.author != "" {
		b.WriteString(`<dc:creator><rdf:Seq><rdf:li>` + esc(m.author) + `</rdf:li></rdf:Seq></dc:creator>
`)
	}
	b.WriteString(`<dc:description><rdf:Alt><rdf:li xml:lang="x-default">` + esc(m.subject) + `</rdf:li></rdf:Alt></dc:description>
<dc:language><rdf:Bag><rdf:li>zh-CN</rdf:li></rdf:Bag></dc:language>
<pdf:Keywords>` + esc(m.keywords) + `</pdf:Keywords>
<pdf:Producer>Dossier (go-pdf/fpdf)</pdf:Producer>
<xmp:CreatorTool>Dossier 评审材料汇编</xmp:CreatorTool>
<xmp:CreateDate>` + when + `</xmp:CreateDate>
<xmp:ModifyDate>` + when + `</xmp:ModifyDate>
<xmp:MetadataDate>` + when + `</xmp:MetadataDate>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="r"?>`)
	return []byte(b.String())
}
