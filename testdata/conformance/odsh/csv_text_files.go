// CSV in and out, tabwriter, regexp, bufio, files in a temporary
// directory, math, strconv, time arithmetic, fmt verbs.
package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
	"unicode"
)

type Row struct {
	Name  string
	Qty   int
	Price float64
	When  time.Time
}

func (r Row) Total() float64 { return float64(r.Qty) * r.Price }

func main() {
	data := "name,qty,price,date\nWidget,3,2.50,2024-01-15\nGadget,10,0.99,2024-02-01\nBad,x,1,2024-01-01\n"
	rd := csv.NewReader(strings.NewReader(data))
	recs, err := rd.ReadAll()
	fmt.Println(len(recs), err)
	var rows []Row
	var problems []string
	for i, rec := range recs[1:] {
		q, err := strconv.Atoi(rec[1])
		if err != nil {
			problems = append(problems, fmt.Sprintf("line %d: %v", i+2, err))
			continue
		}
		p, _ := strconv.ParseFloat(rec[2], 64)
		d, _ := time.Parse("2006-01-02", rec[3])
		rows = append(rows, Row{rec[0], q, p, d})
	}
	fmt.Println(problems)
	var buf bytes.Buffer
	tw := tabwriter.NewWriter(&buf, 0, 8, 1, ' ', 0)
	fmt.Fprintln(tw, "NAME\tQTY\tTOTAL\tMONTH")
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%d\t%.2f\t%s\n", r.Name, r.Qty, r.Total(), r.When.Month())
	}
	tw.Flush()
	fmt.Print(buf.String())
	re := regexp.MustCompile(`(\w+)@(\w+)\.com`)
	fmt.Println(re.FindAllStringSubmatch("a@x.com, b@y.com", -1), re.ReplaceAllString("a@x.com", "$2:$1"))
	sc := bufio.NewScanner(strings.NewReader("one two\nthree\n\nfour"))
	n := 0
	for sc.Scan() {
		n += len(strings.Fields(sc.Text()))
	}
	fmt.Println(n)
	dir, _ := os.MkdirTemp("", "odshprobe")
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "out.csv")
	f, _ := os.Create(path)
	w := csv.NewWriter(f)
	for _, r := range rows {
		w.Write([]string{r.Name, strconv.Itoa(r.Qty), strconv.FormatFloat(r.Total(), 'f', 2, 64)})
	}
	w.Flush()
	f.Close()
	b, _ := os.ReadFile(path)
	fmt.Print(string(b))
	fmt.Println(math.Round(2.345*100)/100, math.Floor(-1.5), math.Inf(1), math.NaN() == math.NaN(), math.MaxInt64, math.Sqrt(2))
	fmt.Println(strconv.Quote("a\tb"), strconv.FormatInt(255, 2), strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) {
			return -1
		}
		return unicode.ToUpper(r)
	}, "a1b2c3"))
	t := time.Date(2024, 3, 10, 12, 0, 0, 0, time.UTC)
	fmt.Println(t.AddDate(0, 1, -10).Format(time.RFC3339), t.Weekday(), t.YearDay(), t.Sub(t.Add(-36*time.Hour)), t.Truncate(24*time.Hour).Hour())
	fmt.Println(strings.EqualFold("Go", "GO"), strings.SplitN("a,b,c", ",", 2), strings.TrimFunc("  x  ", unicode.IsSpace), strings.Count("cheese", "e"))
	fmt.Printf("%8.3f|%-8d|%+d|%o|%b|%U|%c|%08.2f\n", math.Pi, 42, 5, 8, 5, 0x1F600, 'G', -3.14159)
	fmt.Printf("%v %v\n", []any{1, "a", nil, 2.5, true}, map[string]any{"z": 1, "a": []int{1}})
}
