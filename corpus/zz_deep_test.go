package corpus

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

func TestZZDeep(t *testing.T) {
	for _, n := range []int{3000} {
		for _, tag := range []string{"div"} {
			src := strings.Repeat("<"+tag+">", n) + "text here " + strings.Repeat("</"+tag+">", n)
			t0 := time.Now()
			html.Parse(strings.NewReader(src))
			fmt.Println("parse", time.Since(t0))
			t0 = time.Now()
			p, err := ExtractHTML(strings.NewReader(src), "")
			fmt.Println(n, tag, time.Since(t0), err, len(p.Text))
		}
	}
}
