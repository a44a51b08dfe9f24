package docimport

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"unicode/utf8"
)

// Bounds on an XML part of a Word file: a document nested deeper or with
// more elements than any real one is refused with an error.
const (
	maxXMLDepth    = 256
	maxXMLElements = 50_000_000
)

// errXML is a part of a Word file that is no well-formed XML the importer
// reads.
var errXML = errors.New("XML")

// tokKind is the kind of an XML token.
type tokKind uint8

const (
	tokStart tokKind = iota + 1
	tokEnd
	tokText
)

// xmlTok is an XML token. Its byte slices point into the scanned input.
type xmlTok struct {
	kind  tokKind
	name  []byte // qualified name (w:p) of a start or end
	attrs []byte // a start's attributes, raw
	text  []byte // character data, raw (entities not decoded)
	cdata bool   // text from a CDATA section: no entities
	empty bool   // a start that ends itself (<w:tab/>); no end token follows
}

// xmlScanner reads the XML of a Word file's parts token by token. It reads
// what WordprocessingML uses — elements, attributes, character data, CDATA,
// comments, processing instructions — and refuses a DOCTYPE (so no entity
// is ever expanded), end tags that do not match, and nesting or element
// counts past maxXMLDepth and maxXMLElements. It is much faster than
// encoding/xml, which a Word file of several megabytes needs.
type xmlScanner struct {
	b     []byte
	i     int
	stack [][]byte
	elems int
}

func newXMLScanner(b []byte) *xmlScanner { return &xmlScanner{b: b} }

// fail returns an error saying where the XML is broken.
func (s *xmlScanner) fail(what string) error {
	return fmt.Errorf("%w: %s at byte %d", errXML, what, s.i)
}

// next returns the next token; at the end of the input it returns ok false
// and a nil error when every element was closed.
func (s *xmlScanner) next() (t xmlTok, ok bool, err error) {
	for s.i < len(s.b) {
		if s.b[s.i] != '<' {
			j := bytes.IndexByte(s.b[s.i:], '<')
			if j < 0 {
				j = len(s.b) - s.i
			}
			text := s.b[s.i : s.i+j]
			s.i += j
			if len(s.stack) == 0 {
				if len(bytes.TrimSpace(text)) > 0 {
					return t, false, s.fail("text outside the root element")
				}
				continue
			}
			return xmlTok{kind: tokText, text: text}, true, nil
		}
		rest := s.b[s.i:]
		switch {
		case bytes.HasPrefix(rest, []byte("<?")):
			j := bytes.Index(rest, []byte("?>"))
			if j < 0 {
				return t, false, s.fail("unterminated processing instruction")
			}
			s.i += j + 2
		case bytes.HasPrefix(rest, []byte("<!--")):
			j := bytes.Index(rest[4:], []byte("-->"))
			if j < 0 {
				return t, false, s.fail("unterminated comment")
			}
			s.i += 4 + j + 3
		case bytes.HasPrefix(rest, []byte("<![CDATA[")):
			j := bytes.Index(rest[9:], []byte("]]>"))
			if j < 0 {
				return t, false, s.fail("unterminated CDATA")
			}
			text := rest[9 : 9+j]
			s.i += 9 + j + 3
			if len(s.stack) == 0 {
				return t, false, s.fail("CDATA outside the root element")
			}
			return xmlTok{kind: tokText, text: text, cdata: true}, true, nil
		case bytes.HasPrefix(rest, []byte("<!")):
			return t, false, s.fail("DOCTYPE or declaration (not allowed)")
		case bytes.HasPrefix(rest, []byte("</")):
			j := bytes.IndexByte(rest, '>')
			if j < 0 {
				return t, false, s.fail("unterminated end tag")
			}
			name := bytes.TrimSpace(rest[2:j])
			if len(s.stack) == 0 || !bytes.Equal(s.stack[len(s.stack)-1], name) {
				return t, false, s.fail("end tag </" + string(name) + "> does not match")
			}
			s.stack = s.stack[:len(s.stack)-1]
			s.i += j + 1
			return xmlTok{kind: tokEnd, name: name}, true, nil
		default:
			j := tagEnd(rest)
			if j < 0 {
				return t, false, s.fail("unterminated start tag")
			}
			inner := rest[1:j]
			empty := len(inner) > 0 && inner[len(inner)-1] == '/'
			if empty {
				inner = inner[:len(inner)-1]
			}
			k := bytes.IndexAny(inner, " \t\r\n")
			name, attrs := inner, []byte(nil)
			if k >= 0 {
				name, attrs = inner[:k], inner[k+1:]
			}
			if len(name) == 0 {
				return t, false, s.fail("start tag without a name")
			}
			s.elems++
			if s.elems > maxXMLElements {
				return t, false, s.fail(fmt.Sprintf("more than %d elements", maxXMLElements))
			}
			if len(s.stack) == 0 && s.elems > 1 {
				return t, false, s.fail("a second root element")
			}
			if !empty {
				if len(s.stack) >= maxXMLDepth {
					return t, false, s.fail(fmt.Sprintf("nesting deeper than %d", maxXMLDepth))
				}
				s.stack = append(s.stack, name)
			}
			s.i += j + 1
			return xmlTok{kind: tokStart, name: name, attrs: attrs, empty: empty}, true, nil
		}
	}
	if len(s.stack) > 0 {
		return t, false, s.fail("the document ends inside <" + string(s.stack[len(s.stack)-1]) + ">")
	}
	if s.elems == 0 {
		return t, false, s.fail("no root element")
	}
	return t, false, nil
}

// tagEnd returns the index of the > that ends the tag starting at b[0],
// skipping quoted attribute values; -1 if there is none.
func tagEnd(b []byte) int {
	var quote byte
	for i := 1; i < len(b); i++ {
		c := b[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return i
		case c == '<':
			return -1
		}
	}
	return -1
}

// attr returns the value of the attribute named qname (w:val), decoded,
// and whether it is there.
func attr(attrs []byte, qname string) (string, bool) {
	for len(attrs) > 0 {
		attrs = bytes.TrimLeft(attrs, " \t\r\n")
		eq := bytes.IndexByte(attrs, '=')
		if eq < 0 {
			return "", false
		}
		name := bytes.TrimSpace(attrs[:eq])
		rest := bytes.TrimLeft(attrs[eq+1:], " \t\r\n")
		if len(rest) == 0 || rest[0] != '"' && rest[0] != '\'' {
			return "", false
		}
		end := bytes.IndexByte(rest[1:], rest[0])
		if end < 0 {
			return "", false
		}
		val := rest[1 : 1+end]
		if string(name) == qname {
			return decodeEntities(val), true
		}
		attrs = rest[end+2:]
	}
	return "", false
}

// decodeEntities decodes the five predefined entities and character
// references; an unknown entity is kept as written.
func decodeEntities(b []byte) string {
	if bytes.IndexByte(b, '&') < 0 {
		return string(b)
	}
	var out []byte
	for len(b) > 0 {
		i := bytes.IndexByte(b, '&')
		if i < 0 {
			out = append(out, b...)
			break
		}
		out = append(out, b[:i]...)
		b = b[i:]
		j := bytes.IndexByte(b, ';')
		if j < 0 || j > 12 {
			out = append(out, '&')
			b = b[1:]
			continue
		}
		ent := string(b[1:j])
		switch ent {
		case "amp":
			out = append(out, '&')
		case "lt":
			out = append(out, '<')
		case "gt":
			out = append(out, '>')
		case "quot":
			out = append(out, '"')
		case "apos":
			out = append(out, '\'')
		default:
			var n uint64
			var err error
			switch {
			case len(ent) > 2 && (ent[:2] == "#x" || ent[:2] == "#X"):
				n, err = strconv.ParseUint(ent[2:], 16, 32)
			case len(ent) > 1 && ent[0] == '#':
				n, err = strconv.ParseUint(ent[1:], 10, 32)
			default:
				err = errXML
			}
			if err != nil || !utf8.ValidRune(rune(n)) {
				out = append(out, b[:j+1]...)
			} else {
				out = utf8.AppendRune(out, rune(n))
			}
		}
		b = b[j+1:]
	}
	return string(out)
}

// nsPrefix returns the prefix the root element's attributes bind to one of
// the namespaces ("" for the default namespace), and whether one is bound.
func nsPrefix(attrs []byte, namespaces ...string) (string, bool) {
	for len(attrs) > 0 {
		attrs = bytes.TrimLeft(attrs, " \t\r\n")
		eq := bytes.IndexByte(attrs, '=')
		if eq < 0 {
			break
		}
		name := string(bytes.TrimSpace(attrs[:eq]))
		rest := bytes.TrimLeft(attrs[eq+1:], " \t\r\n")
		if len(rest) == 0 || rest[0] != '"' && rest[0] != '\'' {
			break
		}
		end := bytes.IndexByte(rest[1:], rest[0])
		if end < 0 {
			break
		}
		val := string(rest[1 : 1+end])
		for _, ns := range namespaces {
			if val != ns {
				continue
			}
			if name == "xmlns" {
				return "", true
			}
			if len(name) > 6 && name[:6] == "xmlns:" {
				return name[6:], true
			}
		}
		attrs = rest[end+2:]
	}
	return "", false
}
