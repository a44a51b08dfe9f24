package docimport

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// maxSheetCells bounds the cells of a workbook the importer reads.
const maxSheetCells = 5_000_000

// readXLSX reads an Excel workbook into blocks: every row of every sheet,
// each sheet a table of its own (a task table: its header row names the
// columns). A merged cell's text stands in every row it spans (a section
// written once for many tasks) but only in its first column.
func readXLSX(b []byte, max int) (blocks []block, fs []Finding, err error) {
	defer func() {
		if r := recover(); r != nil {
			blocks, fs, err = nil, nil, fmt.Errorf("%w: Excel 文件无法读取 / the Excel file cannot be read: %v", ErrCorrupt, r)
		}
	}()
	f, err := excelize.OpenReader(bytes.NewReader(b), excelize.Options{UnzipSizeLimit: int64(max), UnzipXMLSizeLimit: int64(max)})
	if err != nil {
		return nil, nil, fmt.Errorf("%w: Excel 文件无法打开：%v / the Excel file cannot be opened: %v", ErrCorrupt, err, err)
	}
	defer f.Close()
	seq, cells := 0, 0
	for si, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			return nil, nil, fmt.Errorf("%w: 工作表“%s”无法读取：%v / sheet %s cannot be read: %v", ErrCorrupt, sheet, err, sheet, err)
		}
		for _, r := range rows {
			cells += len(r)
		}
		if cells > maxSheetCells {
			return nil, nil, fmt.Errorf("%w: 工作簿超过 %d 个单元格 / the workbook has more than %d cells", ErrCorrupt, maxSheetCells, maxSheetCells)
		}
		merged, err := f.GetMergeCells(sheet)
		if err != nil {
			return nil, nil, fmt.Errorf("%w: 工作表“%s”的合并单元格无法读取：%v / the merged cells of sheet %s cannot be read: %v", ErrCorrupt, sheet, err, sheet, err)
		}
		for _, m := range merged {
			c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
			c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
			if err1 != nil || err2 != nil || r2 < r1 || c2 < c1 || r2-r1 > 100_000 {
				continue
			}
			v := m.GetCellValue()
			for r := r1; r <= r2; r++ {
				for len(rows) < r {
					rows = append(rows, nil)
				}
				for len(rows[r-1]) < c1 {
					rows[r-1] = append(rows[r-1], "")
				}
				rows[r-1][c1-1] = v
			}
		}
		for ri, row := range rows {
			clean := make([]string, len(row))
			first := -1
			for i, c := range row {
				clean[i] = strings.TrimSpace(spaceLike.Replace(c))
				if clean[i] != "" && first < 0 {
					first = i
				}
			}
			if first < 0 {
				continue
			}
			seq++
			sheet, rowNo := sheet, ri+1
			name, _ := excelize.CoordinatesToCellName(first+1, rowNo)
			blocks = append(blocks, block{seq: seq, at: Location{Sheet: sheet, Row: rowNo, Cell: name}, tabs: true, cells: clean,
				text: strings.Join(clean, "\t"), table: si + 1,
				cellAt: func(i int) Location {
					n, _ := excelize.CoordinatesToCellName(i+1, rowNo)
					return Location{Sheet: sheet, Row: rowNo, Cell: n}
				}})
		}
	}
	return blocks, nil, nil
}
