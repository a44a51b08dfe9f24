package org_test

import (
	"fmt"

	"github.com/bizenv/bizenv/org"
)

func ExampleParseRegion() {
	r, _ := org.ParseRegion("210804")
	fmt.Println(r.Name(), r.Level(), r.Parent().Name(), r.FullName())
	// Output: 鲅鱼圈区 county 营口市 辽宁省营口市鲅鱼圈区
}

func ExampleRegionsNamed() {
	for _, r := range org.RegionsNamed("铁西区") {
		fmt.Println(r, r.FullName())
	}
	// Output:
	// 210106 辽宁省沈阳市铁西区
	// 210303 辽宁省鞍山市铁西区
	// 220302 吉林省四平市铁西区
}

func ExampleDirectory_ResolveList() {
	d, _ := org.NewDirectory([]org.Unit{
		{Name: "区税务局", Kind: org.Bureau, Level: org.County},
		{Name: "区人社局", Kind: org.Bureau, Level: org.County},
		{Name: "区市场监管局", Aliases: []string{"区市场局"}, Kind: org.Bureau, Level: org.County},
	}, org.StandardGroups())
	parts, etc := d.ResolveList("区税务局、区人社局等区直相关部门")
	for _, p := range parts {
		fmt.Println(p)
	}
	fmt.Println(etc, d.Resolve("区市场局"), d.Resolve("区市监局").Suggestions)
	// Output:
	// 区税务局
	// 区人社局
	// 区直相关部门
	// false 区市场监管局 [区市场监管局]
}

func ExampleDirectory_Expand() {
	d, _ := org.NewDirectory([]org.Unit{
		{Name: "兴盛街道", Level: org.Township},
		{Name: "北陶街道", Level: org.Township},
		{Name: "区数据局", Level: org.County, Kind: org.Bureau},
	}, org.StandardGroups())
	g := d.Resolve("各镇（街道）").Group
	for _, u := range d.Expand(*g) {
		fmt.Println(u.Name)
	}
	// Output:
	// 北陶街道
	// 兴盛街道
}

func ExampleSortNames() {
	n := []string{"区数据局", "区财政局", "区发改局"}
	org.SortNames(n)
	fmt.Println(n)
	// Output: [区财政局 区发改局 区数据局]
}

func ExampleNormalize() {
	fmt.Println(org.Normalize(" “区市场监管局”（ＸＸ） "))
	// Output: 区市场监管局(xx)
}
