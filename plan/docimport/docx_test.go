package docimport

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"
	"unicode"

	"github.com/bizenv/bizenv/plan/docimport/internal/docxgen"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// officialList is the numbering of Chinese official documents as a Word
// list: 一、 （一） 1. （1）, the 1. items running on across sections.
func officialList(d *docxgen.Doc) int {
	return d.List(
		docxgen.Level{Format: "chineseCounting", Text: "%1、"},
		docxgen.Level{Format: "chineseCounting", Text: "（%2）"},
		docxgen.Level{Format: "decimal", Text: "%3.", Restart: docxgen.Never},
		docxgen.Level{Format: "decimal", Text: "（%4）"},
	)
}

func docxBytes(t *testing.T, d *docxgen.Doc) []byte {
	t.Helper()
	b, err := d.Bytes()
	require.NoError(t, err)
	return b
}

// TestDOCXNumbering: Word's automatic numbering becomes the printed numbers
// the outline reads: levels restart after a higher level unless told not
// to, a list instance restarts with its start override, a style carries
// numbering, and a plain number typed in the text is kept.
func TestDOCXNumbering(t *testing.T) {
	d := docxgen.New()
	n := officialList(d)
	guard := d.List(docxgen.Level{Format: "decimal", Text: "%1."})
	d.Style("Item", n, 2)
	d.Para("某区人民政府办公室\n2024年5月6日")
	d.Para("某区2024年优化营商环境")
	d.Para("十条措施")
	d.NumPara(n, 0, "政务环境")
	d.NumPara(n, 1, "审批服务")
	d.NumPara(n, 2, "推行一网通办。整合系统。（牵头单位：区数据局）")
	d.StylePara("Item", "推行帮办代办。（区政务服务中心负责）")
	d.NumPara(n, 1, "窗口服务")
	d.NumPara(n, 2, "设立综合窗口。（区政务服务中心负责，6月底前完成）")
	d.NumPara(n, 0, "法治环境")
	d.NumPara(n, 1, "规范执法")
	d.NumPara(n, 2, "推行柔性执法。（区司法局牵头，区市场监管局配合）")
	d.NumPara(n, 3, "制定免罚清单。")
	d.NumPara(n, 3, "开展执法培训。")
	d.NumPara(n, 0, "保障措施")
	d.NumPara(guard, 0, "加强组织领导。")
	d.NumPara(guard, 0, "强化督导落实。")
	res, err := Parse(docxBytes(t, d), Options{})
	require.NoError(t, err)
	assert.Equal(t, FormatDOCX, res.Format)
	p := res.Plan
	assert.Equal(t, "某区2024年优化营商环境十条措施", p.Title)
	assert.Equal(t, "某区人民政府办公室", p.Issuer)
	assert.Equal(t, "2024-05-06", p.Issued.String())
	assert.Equal(t, []string{"一(一)|1|推行一网通办|L:区数据局", "一(一)|2|推行帮办代办|R:区政务服务中心", "一(二)|3|设立综合窗口|R:区政务服务中心|D:2024-06-30",
		"二(一)|4|推行柔性执法|L:区司法局|S:区市场监管局"}, brief(p))
	tasks, _ := p.Tasks()
	assert.Equal(t, "（1）制定免罚清单。\n（2）开展执法培训。", tasks[3].Body)
	assert.Equal(t, []string{"加强组织领导。", "强化督导落实。"}, p.Safeguards)
	assert.Empty(t, res.Findings)
}

// TestDOCXNumberFormats: the number formats documents use.
func TestDOCXNumberFormats(t *testing.T) {
	cases := []struct {
		n      int
		format string
		want   string
	}{
		{1, "decimal", "1"}, {12, "chineseCounting", "十二"}, {21, "chineseCountingThousand", "二十一"}, {3, "decimalEnclosedCircle", "③"},
		{2, "decimalEnclosedParen", "(2)"}, {4, "ideographTraditional", "丁"}, {3, "upperLetter", "C"}, {4, "lowerRoman", "iv"},
		{7, "decimalFullWidth", "７"}, {5, "decimalZero", "05"}, {11, "chineseLegalSimplified", "拾壹"},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, formatNumber(c.n, c.format), c.format)
	}
	d := docxgen.New()
	n := d.List(docxgen.Level{Format: "chineseCounting", Text: "第%1条"})
	restart := d.Instance(n, map[int]int{0: 5})
	d.NumPara(n, 0, "为优化营商环境，制定本规定。")
	d.NumPara(n, 0, "推行一网通办。（市数据局负责）")
	d.NumPara(restart, 0, "推行容缺受理。（市政务服务中心负责）")
	res, err := Parse(docxBytes(t, d), Options{})
	require.NoError(t, err)
	assert.Equal(t, []string{"|第二条|推行一网通办|R:市数据局", "|第五条|推行容缺受理|R:市政务服务中心"}, brief(res.Plan))
}

// TestDOCXTables: a Word task table — its header words, a section merged
// down its rows (vMerge), a row spanning the table (gridSpan), a cell of
// several paragraphs, a nested table — and a one-column frame table, read
// as paragraphs.
func TestDOCXTables(t *testing.T) {
	d := docxgen.New()
	d.Para("某县2025年营商环境任务分解表")
	d.Table([][]docxgen.Cell{{{Text: "本表随文印发"}}, {{Text: "一、任务\n1.建立台账。（县营商局负责）"}}})
	d.Table([][]docxgen.Cell{
		{{Text: "序号"}, {Text: "领域"}, {Text: "工作任务"}, {Text: "牵头单位"}, {Text: "配合单位"}, {Text: "完成时限"}},
		{{Text: "二、营商环境重点任务", Span: 6}},
		{{Text: "1"}, {Text: "政务环境", VMerge: "restart"}, {Text: "推行一网通办。\n整合审批系统。"}, {Text: "县数据局"}, {Text: "县直各部门"}, {Text: "6月底前"}},
		{{Text: "2"}, {VMerge: "continue"}, {Text: "推行帮办代办。"}, {Text: "县政务服务中心"}, {Text: ""}, {Text: "全年"}},
		{{Text: "3"}, {Text: "法治环境"}, {Text: "规范涉企检查。"}, {Text: "县司法局"}, {Text: "县市场监管局"}, {Text: "长期坚持"}},
	})
	res, err := Parse(docxBytes(t, d), Options{})
	require.NoError(t, err)
	p := res.Plan
	assert.Equal(t, "某县2025年营商环境任务分解表", p.Title)
	assert.Equal(t, []string{"一|1|建立台账|R:县营商局", "二|1|推行一网通办|L:县数据局|S:县直各部门|D:2025-06-30",
		"二|2|推行帮办代办|L:县政务服务中心|D:2025-12-31", "二|3|规范涉企检查|L:县司法局|S:县市场监管局"}, brief(p))
	assert.Equal(t, "营商环境重点任务", p.Sections[1].Title)
	require.Len(t, p.Sections[1].Sections, 2, "the 领域 column: 政务环境, 法治环境")
	tasks, _ := p.Tasks()
	for _, tk := range tasks {
		if tk.Title == "推行一网通办" {
			assert.Equal(t, "整合审批系统。", tk.Body)
			assert.Equal(t, "政务环境", tk.Section)
		}
	}
	for _, f := range res.Findings {
		if f.Code == "deadline_ongoing" {
			assert.Equal(t, Location{Table: 2, Row: 5, Cell: "6"}, f.Location)
			assert.Contains(t, f.String(), "第 2 个表格第 5 行第 6 列 / table 2 row 5 cell 6")
		}
	}
}

// TestDOCXContent: tracked deletions and fallbacks are not read, insertions
// are; a line break splits a paragraph; XML entities decode.
func TestDOCXContent(t *testing.T) {
	d := docxgen.New()
	d.Raw(`<w:p><w:r><w:t>一、任务</w:t></w:r></w:p>`)
	d.Raw(`<w:p><w:r><w:t xml:space="preserve">1.推行网上办理&amp;</w:t></w:r><w:del w:id="1"><w:r><w:delText>删去的话</w:delText><w:t>不应出现</w:t></w:r></w:del>` +
		`<w:ins w:id="2"><w:r><w:t>，新增内容</w:t></w:r></w:ins><w:r><w:tab/><w:t>。</w:t></w:r>` +
		`<mc:AlternateContent><mc:Choice Requires="wps"><w:r><w:t></w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>旧版内容</w:t></w:r></mc:Fallback></mc:AlternateContent>` +
		`<w:r><w:t>（区数据局&#36127;&#x8D23;）</w:t></w:r></w:p>`)
	res, err := Parse(docxBytes(t, d), Options{})
	require.NoError(t, err)
	assert.Equal(t, []string{"一|1|推行网上办理&，新增内容|R:区数据局"}, brief(res.Plan))
}

// zipOf writes a zip of the named parts.
func zipOf(t *testing.T, parts map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range parts {
		w, err := zw.Create(name)
		require.NoError(t, err)
		_, err = w.Write([]byte(body))
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

// TestDOCXBad: damaged, hostile and oversized files are errors that say
// what and where, never a panic or a memory blow-up.
func TestDOCXBad(t *testing.T) {
	doc := func(body string) []byte {
		return zipOf(t, map[string]string{"word/document.xml": `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body + `</w:body></w:document>`})
	}
	bomb := zipOf(t, map[string]string{"word/document.xml": `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>` +
		strings.Repeat("一", 4<<20) + `</w:t></w:r></w:p></w:body></w:document>`})
	require.Less(t, len(bomb), 200_000, "12 MB of XML packs small")
	deep := strings.Repeat("<w:sdt>", 300) + strings.Repeat("</w:sdt>", 300)
	cases := []struct {
		name string
		in   []byte
		opts Options
		want error
		says string
	}{
		{"truncated zip", []byte("PK\x03\x04\x14\x00\x00\x00"), Options{}, ErrCorrupt, "zip"},
		{"a zip of other files", zipOf(t, map[string]string{"a.txt": "x"}), Options{}, ErrFormat, "zip"},
		{"an OpenDocument file", zipOf(t, map[string]string{"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"}), Options{}, ErrFormat, "libreoffice --headless --convert-to docx"},
		{"unpacks past the bound", bomb, Options{MaxUnpacked: 1 << 20}, ErrCorrupt, "MaxUnpacked"},
		{"broken XML", doc(`<w:p><w:r><w:t>一、任务</w:r></w:p>`), Options{}, ErrCorrupt, "does not match"},
		{"a DOCTYPE (entity expansion)", []byte(nil), Options{}, ErrCorrupt, "DOCTYPE"},
		{"nesting too deep", doc(deep), Options{}, ErrCorrupt, "nesting deeper"},
		{"unterminated", zipOf(t, map[string]string{"word/document.xml": `<w:document><w:body><w:p><w:r><w:t>一`}), Options{}, ErrCorrupt, "ends inside"},
	}
	cases[5].in = zipOf(t, map[string]string{"word/document.xml": `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><w:document/>`})
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse(c.in, c.opts)
			require.Error(t, err)
			assert.ErrorIs(t, err, c.want)
			assert.Contains(t, err.Error(), c.says)
			assert.Contains(t, err.Error(), " / ")
		})
	}
	// Within the default bound the same file imports.
	res, err := Parse(bomb, Options{})
	require.NoError(t, err)
	assert.NotNil(t, res.Plan)
}

// TestLegacyFormats: .doc/.wps (OLE2) and PDF are errors that say how to
// convert them.
func TestLegacyFormats(t *testing.T) {
	cases := []struct {
		name string
		in   []byte
		says []string
	}{
		{"doc or wps", append([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), make([]byte, 512)...), []string{"libreoffice --headless --convert-to docx", ".wps", "旧版"}},
		{"pdf", []byte("%PDF-1.7\n%âãÏÓ\n1 0 obj\n"), []string{"PDF", "pdftotext"}},
		{"rtf", []byte(`{\rtf1\ansi 一、任务}`), []string{"RTF", "libreoffice"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse(c.in, Options{})
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrFormat)
			var fe *FormatError
			require.ErrorAs(t, err, &fe)
			for _, s := range c.says {
				assert.Contains(t, err.Error(), s)
			}
		})
	}
}

// TestDetectFormat: by content, not name.
func TestDetectFormat(t *testing.T) {
	d := docxgen.New()
	d.Para("x")
	f, err := DetectFormat(docxBytes(t, d))
	require.NoError(t, err)
	assert.Equal(t, FormatDOCX, f)
	f, err = DetectFormat([]byte("一、任务\n"))
	require.NoError(t, err)
	assert.Equal(t, FormatText, f)
	assert.Equal(t, "text docx xlsx", FormatText.String()+" "+FormatDOCX.String()+" "+FormatXLSX.String())
}

// TestXMLScanner: the scanner reads what Word writes and refuses the rest.
func TestXMLScanner(t *testing.T) {
	good := `<?xml version="1.0"?><!-- c --><a x="1" y='&lt;2&gt;'><b/>t&amp;u<![CDATA[<raw>]]></a>`
	s := newXMLScanner([]byte(good))
	var kinds []tokKind
	var texts []string
	for {
		tok, ok, err := s.next()
		require.NoError(t, err)
		if !ok {
			break
		}
		kinds = append(kinds, tok.kind)
		if tok.kind == tokText {
			texts = append(texts, decodeEntities(tok.text))
		}
		if tok.kind == tokStart && string(tok.name) == "a" {
			v, ok := attr(tok.attrs, "y")
			assert.True(t, ok)
			assert.Equal(t, "<2>", v)
		}
	}
	assert.Equal(t, []tokKind{tokStart, tokStart, tokText, tokText, tokEnd}, kinds)
	assert.Equal(t, []string{"t&u", "<raw>"}, texts)
	for _, bad := range []string{"", "<a>", "<a></b>", "<a/><b/>", "text<a/>", "<a", `<a x="1>`, "<!DOCTYPE a><a/>", "<a><![CDATA[x</a>", "<?x"} {
		s := newXMLScanner([]byte(bad))
		var err error
		for i := 0; i < 10; i++ {
			var ok bool
			_, ok, err = s.next()
			if err != nil || !ok {
				break
			}
		}
		assert.Error(t, err, bad)
	}
}

// TestCleanDocText: the fast path of cleanDocText treats exactly the
// spaces the slow path does.
func TestCleanDocText(t *testing.T) {
	for r := rune(0x80); r < 0x10000; r++ {
		want := unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff'
		require.Equal(t, want, oddSpace(string(r)), "%U", r)
	}
	for _, s := range []string{"a  b", "“引号”内容", "\u3000x", "x\u00a0y", "a\tb", "结尾 ", " 开头", "x\u200by"} {
		want := strings.Join(strings.Fields(strings.ReplaceAll(spaceLike.Replace(s), "\t", " ")), " ")
		assert.Equal(t, want, cleanDocText(s), "%q", s)
	}
}

// TestDOCXHugeListStart: a list starting at two billion in letters made
// the reader build a string of 77 million letters (found by FuzzDOCX);
// past ZZZZZZZZ the number is written in digits.
func TestDOCXHugeListStart(t *testing.T) {
	num := []byte(`<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="2000000000"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`)
	doc := []byte(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>推行网办。（区数据局负责）</w:t></w:r></w:p></w:body></w:document>`)
	res, err := Parse(docxOf(doc, num), Options{})
	require.NoError(t, err)
	assert.Equal(t, "B", formatNumber(2, "upperLetter"))
	assert.Equal(t, "2000000000", formatNumber(2000000000, "upperLetter"))
	assert.NotNil(t, res.Plan)
}

// TestDOCXNotes: footnotes and comments are not read, and the findings say
// so.
func TestDOCXNotes(t *testing.T) {
	b := zipOf(t, map[string]string{
		"word/document.xml":  `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>一、任务</w:t></w:r></w:p><w:p><w:r><w:t>1.推行网办。（区数据局负责）</w:t></w:r></w:p></w:body></w:document>`,
		"word/footnotes.xml": `<w:footnotes xmlns:w="x"><w:footnote w:id="-1"/><w:footnote w:id="0"/><w:footnote w:id="1"><w:p><w:r><w:t>注：第一责任单位为牵头单位。</w:t></w:r></w:p></w:footnote></w:footnotes>`,
		"word/comments.xml":  `<w:comments xmlns:w="x"></w:comments>`,
	})
	res, err := Parse(b, Options{})
	require.NoError(t, err)
	var got []string
	for _, f := range res.Findings {
		if f.Code == "docx_content" {
			got = append(got, f.MessageEn)
		}
	}
	assert.Equal(t, []string{"the Word file has footnotes, which are not imported"}, got)
}

// A Word file whose parts name the WordprocessingML namespace with another
// prefix, or make it the default namespace (some converters write them so),
// imports as the w: form does, list numbering included.
func TestDOCXNamespacePrefixes(t *testing.T) {
	const ns = `http://schemas.openxmlformats.org/wordprocessingml/2006/main`
	form := func(p string) (doc, num []byte) {
		q := func(s string) string {
			if p == "" {
				return strings.ReplaceAll(s, "w:", "")
			}
			return strings.ReplaceAll(s, "w:", p+":")
		}
		decl := `xmlns:` + p + `="` + ns + `"`
		if p == "" {
			decl = `xmlns="` + ns + `"`
		}
		num = []byte(q(`<w:numbering ` + decl + `><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`))
		doc = []byte(q(`<w:document ` + decl + `><w:body><w:p><w:r><w:t>一、任务</w:t></w:r></w:p>` +
			`<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>推行网办。（区数据局负责）</w:t></w:r></w:p>` +
			`<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>压缩审批时限。（区营商局负责）</w:t></w:r></w:p></w:body></w:document>`))
		return doc, num
	}
	titles := func(p string) []string {
		doc, num := form(p)
		res, err := Parse(docxOf(doc, num), Options{})
		require.NoError(t, err, p)
		tasks, _ := res.Plan.Tasks()
		var out []string
		for _, x := range tasks {
			out = append(out, x.Number+" "+x.Title+" "+strings.Join(x.Responsibility.Accountable(), "、"))
		}
		return out
	}
	want := titles("w")
	require.Len(t, want, 2)
	assert.Equal(t, "2 压缩审批时限 区营商局", want[1])
	for _, p := range []string{"ns0", "wp", ""} {
		assert.Equal(t, want, titles(p), "prefix %q", p)
	}
}
