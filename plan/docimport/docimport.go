package docimport

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"sort"

	"github.com/bizenv/bizenv/calendar"
	"github.com/bizenv/bizenv/plan"
)

// Options tune an import. The document fields (Title, DocNumber, Issuer,
// Issued, Period, Kind), when set, replace what the importer reads from
// the document: use them for documents whose header is missing.
type Options struct {
	// Source names where the document came from (a file name, a URL); it
	// is kept in the plan's Source.
	Source string
	// Title replaces the title read from the document.
	Title string
	// DocNumber replaces the document number read from the document.
	DocNumber plan.DocNumber
	// Issuer replaces the issuer read from the document.
	Issuer string
	// Issued replaces the date of issue read from the document.
	Issued calendar.Date
	// Period replaces the period read from the title or the deadlines.
	Period plan.Period
	// Kind replaces the kind read from the title.
	Kind plan.Kind
	// MaxBytes bounds the input (the file as read, before a .docx or .xlsx
	// is unpacked); 0 means DefaultMaxBytes.
	MaxBytes int
	// MaxUnpacked bounds what a .docx or .xlsx unpacks to; 0 means
	// DefaultMaxUnpacked.
	MaxUnpacked int
}

// Result is an imported plan and what the importer found on the way.
type Result struct {
	// Plan is the plan read from the document.
	Plan *plan.Plan `json:"plan"`
	// Findings are in document order.
	Findings []Finding `json:"findings"`
	// Format is the format the document was read as.
	Format Format `json:"format"`
}

// Importer names this importer in a plan's Source.
const Importer = "bizenv plan/docimport 1"

// Import reads a document from r and returns the plan with findings. The
// document is the text of an issued plan (UTF-8), a Word file (.docx) or
// an Excel workbook (.xlsx, each sheet a task table), told apart by their
// content, not by a file name. Input that is no such document is an error
// wrapping ErrEmpty, ErrBinary, ErrEncoding, ErrTooLarge, ErrFormat (a
// legacy .doc, .wps or .xls, a PDF: the error says how to convert it) or
// ErrCorrupt (a .docx or .xlsx that cannot be unpacked); everything else is
// read, and what cannot be read with confidence is a finding.
func Import(r io.Reader, o Options) (*Result, error) {
	b, err := readLimited(r, o.maxBytes())
	if err != nil {
		return nil, err
	}
	return Parse(b, o)
}

// maxBytes is MaxBytes, or DefaultMaxBytes when it is not set.
func (o Options) maxBytes() int {
	if o.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

// maxUnpacked is MaxUnpacked, or DefaultMaxUnpacked when it is not set.
func (o Options) maxUnpacked() int {
	if o.MaxUnpacked <= 0 {
		return DefaultMaxUnpacked
	}
	return o.MaxUnpacked
}

// Parse is Import on a document already in memory.
func Parse(doc []byte, o Options) (*Result, error) {
	if max := o.maxBytes(); len(doc) > max {
		return nil, tooLarge(max)
	}
	f, err := DetectFormat(doc)
	if err != nil {
		return nil, err
	}
	var blocks []block
	var fs []Finding
	hashed := doc
	switch f {
	case FormatDOCX:
		blocks, fs, err = readDOCX(doc, o.maxUnpacked())
	case FormatXLSX:
		blocks, fs, err = readXLSX(doc, o.maxUnpacked())
	default:
		hashed, err = checkText(doc)
		if err == nil {
			err = checkLines(hashed)
		}
		if err == nil {
			blocks, fs = readText(hashed)
		}
	}
	if err != nil {
		return nil, err
	}
	res := build(blocks, fs, o)
	sum := sha256.Sum256(hashed)
	res.Plan.Source = &plan.Source{Name: o.Source, SHA256: hex.EncodeToString(sum[:]), Importer: Importer}
	res.Format = f
	return res, nil
}

// build reads the blocks into a plan: the outline, the header, sections,
// items and their units, tables, and the dates.
func build(blocks []block, readerFindings []Finding, o Options) *Result {
	p := &parser{o: o, findings: readerFindings, plan: &plan.Plan{Basis: []plan.Ref{}, Phases: []plan.Phase{},
		Sections: []*plan.Section{}, Columns: []plan.Column{}, Safeguards: []string{}, IndicatorSystems: nil}}
	p.rules.cache = map[phraseKey]cachedPhrase{}
	p.blocks = splitRunIn(blocks, &p.rules)
	p.run()
	sort.SliceStable(p.findings, func(i, j int) bool { return p.findings[i].seq < p.findings[j].seq })
	if p.findings == nil {
		p.findings = []Finding{}
	}
	return &Result{Plan: p.plan, Findings: p.findings}
}
