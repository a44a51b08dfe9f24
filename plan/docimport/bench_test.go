package docimport

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/bizenv/bizenv/plan/docimport/internal/docxgen"
)

// BenchmarkImportCity imports the largest seed, the city programme (93 KB,
// about 33,000 characters, 737 lines with 8 columns and 4 tables). The
// target is under 20 ms.
func BenchmarkImportCity(b *testing.B) {
	text := readSeed(b, "000")
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for i := 0; i < b.N; i++ {
		if _, err := Parse(text, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkImportDistrict imports 鲅鱼圈's 81 items (45 KB).
func BenchmarkImportDistrict(b *testing.B) {
	text := readSeed(b, "004")
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for i := 0; i < b.N; i++ {
		if _, err := Parse(text, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNaiveClassify is the baseline: what a quick script does, each
// line tried against every pattern compiled on the spot, nothing built.
func BenchmarkNaiveClassify(b *testing.B) {
	text := readSeed(b, "000")
	patterns := []string{reL1.String(), reL2.String(), reL3.String(), reL4.String(), reColumn.String(), reFlagship.String(),
		rePhase.String(), reChrome.String(), reDated.String()}
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for i := 0; i < b.N; i++ {
		n := 0
		for _, l := range bytes.Split(text, []byte("\n")) {
			for _, p := range patterns {
				if regexp.MustCompile(p).Match(bytes.TrimSpace(l)) {
					n++
				}
			}
		}
		if n == 0 {
			b.Fatal("nothing matched")
		}
	}
}

// bigDOCX writes a Word file of at least size bytes: a plan of sections and
// items in Word's markup (runs with fonts and sizes, automatic numbering,
// unit brackets), their text drawn from common characters so that it packs
// as real text does, and a task table every twenty items.
func bigDOCX(tb testing.TB, size int) []byte {
	tb.Helper()
	const common = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严"
	rs := []rune(common)
	rnd := uint32(1)
	word := func(n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			rnd = rnd*1664525 + 1013904223
			b.WriteRune(rs[int(rnd>>8)%len(rs)])
		}
		return b.String()
	}
	units := []string{"区数据局", "区市场监管局", "区住建局、区数据局按职责分工负责", "牵头单位：区发改局；配合单位：区财政局", "区司法局牵头，区公安分局配合"}
	var data []byte
	for n := 400; ; {
		d := docxgen.New()
		list := d.List(docxgen.Level{Format: "chineseCounting", Text: "%1、"}, docxgen.Level{Format: "chineseCounting", Text: "（%2）"},
			docxgen.Level{Format: "decimal", Text: "%3.", Restart: docxgen.Never})
		d.Para("某区人民政府办公室\n2024年1月5日")
		d.Para("某区2024年优化营商环境行动方案")
		for i := 0; i < n; i++ {
			if i%50 == 0 {
				d.NumPara(list, 0, word(10))
			}
			if i%10 == 0 {
				d.NumPara(list, 1, word(12))
			}
			d.NumPara(list, 2, word(10)+"。"+word(120)+"，2024年6月底前完成"+word(40)+"。（"+units[i%len(units)]+"）")
			if i%20 == 19 {
				d.Table([][]docxgen.Cell{{{Text: "序号"}, {Text: "具体措施"}, {Text: "牵头单位"}, {Text: "完成时限"}},
					{{Text: "1"}, {Text: word(30)}, {Text: "区数据局"}, {Text: "2024年底前"}}, {{Text: "2"}, {Text: word(30)}, {Text: "区财政局"}, {Text: "全年"}}})
				d.Para(word(60) + "。")
			}
		}
		b, err := d.Bytes()
		if err != nil {
			tb.Fatal(err)
		}
		if data = b; len(b) >= size {
			return data
		}
		// The next try aims at the size from the bytes per item so far.
		n = n*size/len(b) + n/50 + 1
	}
}

// BenchmarkImportDOCX5MB imports a Word file of 5.3 MB: 22 MB of XML, 13 000
// tasks with dates and unit brackets, one in eleven from a table. The
// target is under 1 s.
func BenchmarkImportDOCX5MB(b *testing.B) {
	doc := bigDOCX(b, 5<<20)
	b.ReportAllocs()
	b.SetBytes(int64(len(doc)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := Parse(doc, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if tasks, _ := res.Plan.Tasks(); len(tasks) < 1000 {
			b.Fatalf("%d tasks", len(tasks))
		}
	}
}

// BenchmarkImportTiexiXLSX imports the 铁西 task table from Excel.
func BenchmarkImportTiexiXLSX(b *testing.B) {
	doc, err := os.ReadFile(filepath.Join("testdata", "tiexi-table.xlsx"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(doc)))
	for i := 0; i < b.N; i++ {
		if _, err := Parse(doc, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
