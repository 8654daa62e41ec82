package report_test

import (
	"fmt"
	"os"

	"github.com/slantlab/slant/report"
)

// Every CSV Slant writes goes through CSVWriter: a cell a spreadsheet would
// run as a formula gets a leading quote; numbers stay numbers.
func ExampleCSVWriter() {
	w := report.NewCSVWriter(os.Stdout, false)
	_ = w.Write([]string{"title", "difference"})
	_ = w.Write([]string{`=HYPERLINK("http://evil.example","click")`, "-0.25"})
	_ = w.Write([]string{"@ceo said", "+3"})
	if err := w.Flush(); err != nil {
		fmt.Println(err)
	}
	// Output:
	// title,difference
	// "'=HYPERLINK(""http://evil.example"",""click"")",-0.25
	// '@ceo said,+3
}
