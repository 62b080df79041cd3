package main

// Arguments of go and defer statements that are untyped constants keep
// the parameter's type (limit * 2 to a float64).

import (
	"fmt"
	"math"
	"sort"
)

const limit = 5

func scale(out chan<- string, f float64) { out <- fmt.Sprint("scale ", f) }

func many(f float32, xs ...int) { fmt.Println("many", f, xs) }

func main() {
	out := make(chan string, 4)
	go scale(out, limit*2)
	go scale(out, math.Pi/2)
	go scale(out, limit)
	go scale(out, 1.5)
	got := []string{<-out, <-out, <-out, <-out}
	sort.Strings(got)
	fmt.Println(got)
	func() {
		xs := []int{1}
		defer many(limit*2, xs...)
		defer many(math.Pi, 2, 3)
	}()
	func() {
		for i := range 2 {
			defer many(limit*2, i)
		}
	}()
}
