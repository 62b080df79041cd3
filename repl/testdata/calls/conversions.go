// Methods called on conversions to interfaces and on type assertions.
package main

import (
	"errors"
	"fmt"
	"time"
)

type MyInt int

func (m MyInt) String() string { return fmt.Sprintf("MyInt(%d)", int(m)) }

type Named interface{ Name() string }

type Person struct{ N string }

func (p Person) Name() string { return p.N }

func main() {
	fmt.Println(fmt.Stringer(time.Second).String())
	fmt.Println((fmt.Stringer)(time.Minute).String())
	var d time.Duration = time.Hour
	fmt.Println(fmt.Stringer(d).String())
	fmt.Println(any(time.Second).(fmt.Stringer).String())
	var e any = fmt.Errorf("boom")
	fmt.Println(e.(error).Error())
	fmt.Println(fmt.Stringer(MyInt(2)).String())
	var m any = MyInt(3)
	fmt.Println(m.(fmt.Stringer).String())
	var p any = Person{"ann"}
	if n, ok := p.(Named); ok {
		fmt.Println(n.Name(), Named(Person{"bob"}).Name())
	}
	switch n := p.(type) {
	case Named:
		fmt.Println("named", n.Name())
	}
	err := fmt.Errorf("wrapped: %w", errors.New("inner"))
	fmt.Println(errors.Unwrap(err))
}
