// strconv: parsing and formatting numbers, quoting, and its errors.
package main

import (
	"fmt"
	"strconv"
)

func main() {
	n, err := strconv.Atoi("42")
	fmt.Println(n, err)
	_, err = strconv.Atoi("4x2")
	fmt.Println(err)
	_, err = strconv.ParseInt("99999999999999999999", 10, 64)
	fmt.Println(err)
	var ne *strconv.NumError
	fmt.Printf("%T\n", err)
	if e, ok := err.(*strconv.NumError); ok {
		ne = e
		fmt.Println(ne.Func, ne.Num, ne.Err == strconv.ErrRange)
	}
	f, _ := strconv.ParseFloat("3.25", 64)
	fmt.Println(f, strconv.FormatFloat(f, 'f', 3, 64), strconv.FormatFloat(1e21, 'g', -1, 64))
	b, err := strconv.ParseBool("TRUE")
	fmt.Println(b, err)
	fmt.Println(strconv.Itoa(-7), strconv.FormatInt(255, 16), strconv.FormatInt(-8, 2))
	u, _ := strconv.ParseUint("ff", 16, 8)
	fmt.Println(u)
	fmt.Println(strconv.Quote("tab\there \"q\" é"), strconv.QuoteToASCII("é"))
	s, err := strconv.Unquote(`"a\nb"`)
	fmt.Printf("%q %v\n", s, err)
	fmt.Println(string(strconv.AppendInt([]byte("id="), 12, 10)))
}
