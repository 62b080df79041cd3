// A struct embedding a struct whose String has a value receiver prints by
// the promoted String as in Go wherever fmt meets it: in slices, maps,
// an any, a sorted named slice (printed {<ann> 1}); embedded interfaces
// of interfaces, a manager embedding a pointer.
package main

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

type Reader interface{ Read() string }
type Writer interface{ Write(s string) }
type ReadWriter interface {
	Reader
	Writer
}

type Buf struct{ data []string }

func (b *Buf) Read() string {
	if len(b.data) == 0 {
		return ""
	}
	s := b.data[0]
	b.data = b.data[1:]
	return s
}
func (b *Buf) Write(s string) { b.data = append(b.data, s) }

type Named struct{ Name string }

func (n Named) String() string { return "<" + n.Name + ">" }

type Employee struct {
	Named
	Salary int
}

type Manager struct {
	*Employee
	Reports []*Employee
}

type byName []Employee

func (b byName) Len() int           { return len(b) }
func (b byName) Less(i, j int) bool { return b[i].Name < b[j].Name }
func (b byName) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

type upperWriter struct{ w io.Writer }

func (u upperWriter) Write(p []byte) (int, error) {
	return u.w.Write([]byte(strings.ToUpper(string(p))))
}

func main() {
	var rw ReadWriter = &Buf{}
	rw.Write("a")
	rw.Write("b")
	var r Reader = rw
	fmt.Println(r.Read(), rw.Read(), rw.Read() == "")
	if w, ok := r.(Writer); ok {
		w.Write("c")
		fmt.Println(r.Read())
	}
	es := []Employee{{Named{"cy"}, 3}, {Named{"ann"}, 1}, {Named{"bob"}, 2}}
	sort.Sort(byName(es))
	fmt.Println(es)
	fmt.Println(es[0], es[0].Named, es[0].String())
	fmt.Printf("%v %+v %s\n", es[1], es[1], es[2])
	m := Manager{&es[0], []*Employee{&es[1], &es[2]}}
	fmt.Println(m.Name, m.String(), len(m.Reports), m.Reports[0].Name)
	fmt.Println(m.Reports)
	var sw fmt.Stringer = es[1]
	fmt.Println(sw, sw.String())
	fmt.Fprintf(upperWriter{&strings.Builder{}}, "x")
	var sb strings.Builder
	fmt.Fprintf(upperWriter{&sb}, "hello %s", es[2])
	fmt.Println(sb.String())
}
