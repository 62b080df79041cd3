// Formatting reports: widths, padding, strings.Builder, text/tabwriter.
package main

import (
	"fmt"
	"os"
	"strings"
	"text/tabwriter"
)

type row struct {
	Name  string
	Qty   int
	Price float64
}

func main() {
	rows := []row{{"Desk", 2, 199.5}, {"Chair", 10, 45}, {"Lamp", 1, 12.999}}
	var b strings.Builder
	fmt.Fprintf(&b, "%-8s|%5s|%9s\n", "name", "qty", "price")
	b.WriteString(strings.Repeat("-", 24) + "\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "%-8s|%5d|%9.2f\n", r.Name, r.Qty, r.Price)
	}
	fmt.Print(b.String())
	fmt.Println(b.Len())
	fmt.Printf("[%6.1f] [%-6d] [%06d] [%+d] [%x] [%X] [%o] [%b] [%e]\n", 3.14159, 42, 42, 42, 255, 255, 8, 5, 1234.5678)
	fmt.Printf("[%5t] [%q] [%c] [%U] [%8.3s] [%%]\n", true, 'x', 'é', 'é', "abcdef")
	fmt.Printf("%v %v %.3v %g\n", 1e6, 1e21, 3.14159, 0.000001)
	fmt.Printf("%T %T %T %T\n", rows, rows[0], &rows[0], map[string][]int{})
	fmt.Printf("%d %s\n", "str", 5)
	fmt.Printf("%d\n", 1, 2)
	fmt.Printf("%d %d\n", 1)
	w := tabwriter.NewWriter(os.Stdout, 0, 8, 1, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "a\tbbb\tc\t")
	fmt.Fprintln(w, "aaaa\tb\tccc\t")
	w.Flush()
	fmt.Println(fmt.Sprint("a", 1, 2, "b", "c", 3.5, nil), fmt.Sprintln("x", 1))
}
