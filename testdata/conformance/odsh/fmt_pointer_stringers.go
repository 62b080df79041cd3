// Pointers to values of declared struct types whose String has a value
// receiver print by String as in Go wherever fmt meets them: in an any,
// in slices, arrays and maps of them, in named slice and map types
// without methods of their own (type byID []*Account), nested, in
// struct fields; %d still formats the fields. They printed as addresses
// or as &{1 a}. Struct values of such types kept by compiled containers
// of any (sync.Map, container/list) print by String too (printed {1 z}).
package main

import (
	"container/list"
	"encoding/json"
	"fmt"
	"sync"
)

type Account struct {
	ID    int
	Owner string
}

func (a Account) String() string { return fmt.Sprintf("#%d %s", a.ID, a.Owner) }

type Ptr struct{ N int }

func (p *Ptr) String() string { return fmt.Sprint("ptr", p.N) }

type Money int64

func (m Money) MarshalJSON() ([]byte, error) {
	return []byte(fmt.Sprintf(`"%d.%02d"`, m/100, m%100)), nil
}

type Price struct{ Amount Money }

func (p Price) MarshalJSON() ([]byte, error) { return json.Marshal(map[string]Money{"amt": p.Amount}) }

type byID []*Account
type accts []Account
type index map[string]*Account

type Holder struct {
	Name string
	All  []*Account
}

func main() {
	a, b := &Account{1, "a"}, &Account{2, "b"}
	var none *Account
	fmt.Println(a, none, []*Account{none, a})
	var x any = a
	fmt.Println(x, []any{a, b})
	fmt.Println([]any{a}...)
	ps := []*Account{a, b}
	fmt.Println(ps, [2]*Account{b, a})
	fmt.Println(byID{a, b}, accts{*a, *b}, index{"x": a})
	fmt.Println(map[string]*Account{"y": b})
	fmt.Printf("%v %s %+v|%d\n", ps, byID(ps), ps, a)
	s := fmt.Sprint(ps)
	fmt.Println(s, len(s))
	type local []*Account
	fmt.Println(local(ps))
	fmt.Println([][]*Account{ps}, Holder{"h", ps})
	fmt.Println([]*Ptr{{1}, {2}}, []Ptr{{3}})
	for _, acc := range byID(ps) {
		fmt.Print(acc, ";")
	}
	fmt.Println()
	j, _ := json.Marshal([]*Price{{250}})
	fmt.Println(string(j))
	j, _ = json.Marshal(map[string]*Price{"p": {199}})
	fmt.Println(string(j))
	var y any = &Price{5}
	j, err := json.Marshal(y)
	fmt.Println(string(j), err)
	var sm sync.Map
	for i := 0; i < 3; i++ {
		sm.Store(i, Account{i, "z"})
	}
	v, _ := sm.Load(1)
	fmt.Println(v)
	l := list.New()
	l.PushBack(Account{7, "q"})
	l.PushBack(&Account{8, "r"})
	for e := l.Front(); e != nil; e = e.Next() {
		fmt.Print(e.Value, " ")
	}
	fmt.Println()
}
