package main

// text/template over declared types (fields), errors.Join and several %w,
// regexp, strings.Replacer, bufio.Scanner, fmt verbs and flags.

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"regexp"
	"strings"
	"text/template"
	"unicode"
)

type Line struct {
	Product string
	Qty     int
	Price   float64
}

func (l Line) Total() float64 { return float64(l.Qty) * l.Price }

type Order struct {
	Name  string
	Lines []Line
	Tags  map[string]string
}

func (o *Order) Sum() float64 {
	s := 0.0
	for _, l := range o.Lines {
		s += l.Total()
	}
	return s
}

var ErrA = errors.New("a failed")
var ErrB = errors.New("b failed")

func main() {
	o := &Order{"SO001", []Line{{"desk", 2, 100}, {"lamp", 1, 25.5}}, map[string]string{"src": "web"}}
	tpl := template.Must(template.New("o").Funcs(template.FuncMap{"upper": strings.ToUpper}).Parse(
		`{{.Name}} ({{len .Lines}} lines){{range $i, $l := .Lines}}
  {{$i}}: {{upper $l.Product}} x{{$l.Qty}} = {{printf "%.2f" $l.Price}}{{end}}
tags: {{range $k, $v := .Tags}}{{$k}}={{$v}}{{end}}
`))
	if err := tpl.Execute(os.Stdout, o); err != nil {
		fmt.Println("template error:", err)
	}
	fmt.Printf("%.2f\n", o.Sum())
	joined := errors.Join(ErrA, ErrB)
	fmt.Println(joined, errors.Is(joined, ErrB))
	multi := fmt.Errorf("both: %w and %w", ErrA, ErrB)
	fmt.Println(multi, errors.Is(multi, ErrA), errors.Is(multi, ErrB))
	re := regexp.MustCompile(`(\w+)@(\w+)\.com`)
	fmt.Println(re.FindAllStringSubmatch("a@x.com, b@y.com", -1), re.ReplaceAllString("a@x.com", "$2:$1"))
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;")
	fmt.Println(r.Replace("a<b&c"))
	sc := bufio.NewScanner(strings.NewReader("one two\nthree\n\nfour"))
	n := 0
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) != "" {
			n++
		}
	}
	fmt.Println(n)
	words := strings.FieldsFunc("Hello, World! Go-lang", func(r rune) bool { return !unicode.IsLetter(r) })
	fmt.Println(words, strings.Title("x"), strings.EqualFold("Go", "GO"))
	fmt.Printf("%v|%+v|%#v\n", o.Lines[0], o.Lines[0], o.Lines[0].Qty)
	fmt.Printf("%8.3f|%-8d|%08.3f|%x|%X|%o|%b|%c|%U\n", 3.14159, 42, 3.14159, "hi", 255, 8, 5, 'G', 'G')
	fmt.Printf("%t %v %p\n", true, nil, nil)
	fmt.Printf("%5s|%-5s|%.2s|%q\n", "ab", "ab", "abcdef", 'x')
	fmt.Println(fmt.Sprintf("%[2]d %[1]d", 1, 2), fmt.Sprintf("%*d", 5, 3), fmt.Sprintf("%d%%", 50))
}
