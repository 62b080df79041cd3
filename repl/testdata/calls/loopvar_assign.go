// Go 1.22 loop variables in a three-clause loop whose body assigns them
// and captures them in closures, with continue (plain and labeled).
package main

import "fmt"

func main() {
	var fs []func() int
	for i := 0; i < 10; i++ {
		if i%3 == 1 {
			i++
			continue
		}
		fs = append(fs, func() int { return i })
		i++
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	var gs []func() (int, int)
outer:
	for i, j := 0, 10; i < j; i, j = i+1, j-1 {
		for k := 0; k < 3; k++ {
			if k == 1 && i == 2 {
				i += 2
				continue outer
			}
		}
		gs = append(gs, func() (int, int) { return i, j })
		j--
	}
	for _, g := range gs {
		a, b := g()
		fmt.Print(a, ",", b, " ")
	}
	fmt.Println()
}
