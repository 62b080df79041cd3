// Declarations in any order (a map literal keyed by constants, read by a
// String method), named results and recover, goroutines, runtime panics.
package main

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

type State int

const (
	Draft State = iota
	Confirmed
	_
	Cancelled
)

var names = map[State]string{Draft: "draft", Confirmed: "confirmed", Cancelled: "cancelled"}

func (s State) String() string { return names[s] }

type Order struct {
	ID    int
	State State
	Lines []Line
}

type Line struct {
	Qty   float64
	Price float64
}

func (o Order) Total() (t float64) {
	for _, l := range o.Lines {
		t += l.Qty * l.Price
	}
	return
}

func parse(s string) (n int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("parse %q: %v", s, r)
		}
	}()
	n, err = strconv.Atoi(s)
	if err != nil {
		return 0, err
	}
	if n < 0 {
		panic("negative")
	}
	return n * 2, nil
}

func divide(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	q = a / b
	return
}

func main() {
	orders := []Order{
		{1, Draft, []Line{{2, 10}, {1, 5.5}}},
		{2, Confirmed, nil},
		{3, Cancelled, []Line{{1, 1}}},
	}
	byState := map[State][]int{}
	for _, o := range orders {
		byState[o.State] = append(byState[o.State], o.ID)
	}
	fmt.Println(byState)
	for _, o := range orders {
		fmt.Printf("%d %v %s %.2f %d\n", o.ID, o.State, o.State, o.Total(), o.State)
	}
	for _, s := range []string{"21", "x", "-1"} {
		n, err := parse(s)
		fmt.Println(n, err)
	}
	fmt.Println(divide(7, 2))
	fmt.Println(divide(1, 0))
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for i := 1; i <= 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			total += i
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println(total)
	ch := make(chan int)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for v := range ch {
			fmt.Print(v, " ")
		}
		fmt.Println()
	}()
	for i := range 5 {
		ch <- i * i
	}
	close(ch)
	<-done
	select {
	case <-time.After(10 * time.Millisecond):
		fmt.Println("timeout")
	}
	_, err := os.Open("/nonexistent/file")
	var pe *os.PathError
	fmt.Println(errors.As(err, &pe), pe.Op, errors.Is(err, os.ErrNotExist))
	d := 90 * time.Minute
	fmt.Println(d, d.Hours(), time.Date(2024, 2, 29, 13, 4, 5, 0, time.UTC).Format("2006-01-02 15:04 Mon"))
	var x uint8 = 250
	x += 10
	var y int8 = 127
	y++
	fmt.Println(x, y, 7/2, -7/2, 7%3, -7%3, 1<<10, 0x1F&^0x3)
	str := "héllo, 世界"
	for i, r := range str {
		if r > 127 {
			fmt.Print(i, ":", string(r), " ")
		}
	}
	fmt.Println(len(str), len([]rune(str)), strings.ToUpper(str), str[1:3] == "é")
	b := []byte("abc")
	b[0] = 'X'
	fmt.Println(string(b), b)
outer:
	for i := range 3 {
		for j := range 3 {
			if j == 2 {
				continue outer
			}
			if i == 2 {
				break outer
			}
			fmt.Print(i, j, ";")
		}
	}
	fmt.Println()
	switch n := 3; {
	case n > 2:
		fmt.Println("big")
		fallthrough
	case n > 100:
		fmt.Println("fell")
	default:
		fmt.Println("default")
	}
	var m map[string]int
	fmt.Println(m["x"], len(m))
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		m["a"] = 1
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		var p *Order
		fmt.Println(p.ID)
	}()
	fmt.Printf("%5.2f|%-6s|%06d|%x|%q|%v|%t|%e\n", 3.14159, "ab", 42, 255, "hi", []string{"a"}, true, 12345.678)
	fmt.Printf("%+v\n", orders[1])
}
