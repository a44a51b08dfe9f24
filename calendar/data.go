package calendar

// The built-in calendar: every arrangement the State Council has announced
// for 2008 through 2027, transcribed from the General Office's annual
// notices (国务院办公厅关于××年部分节假日安排的通知) and the one-off notices
// that changed them. Each notice lists the days off (放假) and the weekend
// days worked (上班); every day it does not name is a weekday (working) or a
// Saturday or Sunday (rest).
//
// A block runs from the first to the last day the notice names, weekends
// inside it included, as the notices count them ("共7天"); "与周末连休"
// (joined to the weekend) takes in that weekend, and "X日放假，Y日补休"
// covers X through Y. A notice may name
// days of the previous year (元旦 blocks that start in December); they are
// kept, except the days of 2007, a year this calendar does not know.
//
// The data was cross-checked day by day against two independent
// machine-readable sources (the npm packages chinese-days 1.5.7 and
// holiday-calendar 1.3.3); see internal/crosscheck and the tests named
// TestNotice* for the disagreements and how each was settled. Each year
// of 2008–2026 is also read back from the notice's own text by ParseNotice
// (TestNoticeTexts, on the copies in ../shared/notices): the two must agree
// on every day.
//
// 2027 could not be read from the notice's text (国务院办公厅关于2027年部分
// 节假日安排的通知, published in November 2026: no copy was reachable). Its
// days are taken from the machine-readable data of github.com/6tail/lunar-go
// v1.4.7 (HolidayUtil, released 2026-11-06, "新增：2027年法定假日") and checked
// against every rule of 国务院令第795号 (TestYear2027FollowsTheLaw): the 13
// statutory days, 除夕 included, are all off; each statutory day on a
// weekend is made up (第六条); every other weekday off is paid back by a
// weekend day worked. Its provenance says it was not checked against the
// text.
//
// The 文号 of 2015, 2020, 2025 and 2026 are not in the copies read; they are
// taken from other stored copies (a Traditional-script copy for 2015, a
// reposting for 2020, forum copies for 2025 and 2026), as
// ../shared/notices/SOURCES.md records.

// block is a run of days off announced for one holiday.
type block struct {
	f        Festival
	from, to string
}

// shift is a weekend day announced as a working day (调休上班), with the
// holiday whose block it makes up for.
type shift struct {
	f    Festival
	date string
}

// notice is one State Council notice.
type notice struct {
	// year is the year the notice arranges; 0 for a notice that changes an
	// arrangement already made, which names the year it amends.
	year, amends int
	title        string
	doc          string // 文号, where known
	issued       string // the date signed (2025-11-04), or the month where only that is known
	checked      checkedAgainst
	via          string // where the days come from, when not the notice's text
	rest         []block
	work         []shift
}

// checkedAgainst says how a year's days were checked against the text of
// its notice.
type checkedAgainst uint8

const (
	notAgainstText checkedAgainst = iota // the text was not available
	partOfText                           // only a truncated copy of the text was available
	wholeText                            // every day agrees with the notice's text
)

var builtin = []notice{
	{year: 2008, title: "国务院办公厅关于2008年部分节假日安排的通知", issued: "2007年12月", checked: partOfText,
		// 元旦: 2007-12-30 to 2008-01-01, with 2007-12-29 worked; the 2007
		// days are outside this calendar.
		rest: []block{
			{NewYear, "2008-01-01", "2008-01-01"},
			{SpringFestival, "2008-02-06", "2008-02-12"},
			{Qingming, "2008-04-04", "2008-04-06"},
			{LabourDay, "2008-05-01", "2008-05-03"},
			{DragonBoat, "2008-06-07", "2008-06-09"},
			{MidAutumn, "2008-09-13", "2008-09-15"},
			{NationalDay, "2008-09-29", "2008-10-05"},
		},
		work: []shift{
			{SpringFestival, "2008-02-02"}, {SpringFestival, "2008-02-03"},
			{LabourDay, "2008-05-04"},
			{NationalDay, "2008-09-27"}, {NationalDay, "2008-09-28"},
		}},
	{year: 2009, title: "国务院办公厅关于2009年部分节假日安排的通知", doc: "国办发明电〔2008〕42号", issued: "2008年12月", checked: partOfText,
		rest: []block{
			{NewYear, "2009-01-01", "2009-01-03"},
			{SpringFestival, "2009-01-25", "2009-01-31"},
			{Qingming, "2009-04-04", "2009-04-06"},
			{LabourDay, "2009-05-01", "2009-05-03"},
			{DragonBoat, "2009-05-28", "2009-05-30"},
			{NationalDay | MidAutumn, "2009-10-01", "2009-10-08"},
		},
		work: []shift{
			{NewYear, "2009-01-04"},
			{SpringFestival, "2009-01-24"}, {SpringFestival, "2009-02-01"},
			{DragonBoat, "2009-05-31"},
			{NationalDay | MidAutumn, "2009-09-27"}, {NationalDay | MidAutumn, "2009-10-10"},
		}},
	{year: 2010, title: "国务院办公厅关于2010年部分节假日安排的通知", doc: "国办发明电〔2009〕27号", issued: "2009-12-07", checked: wholeText,
		rest: []block{
			{NewYear, "2010-01-01", "2010-01-03"},
			{SpringFestival, "2010-02-13", "2010-02-19"},
			{Qingming, "2010-04-03", "2010-04-05"},
			{LabourDay, "2010-05-01", "2010-05-03"},
			{DragonBoat, "2010-06-14", "2010-06-16"},
			{MidAutumn, "2010-09-22", "2010-09-24"},
			{NationalDay, "2010-10-01", "2010-10-07"},
		},
		work: []shift{
			{SpringFestival, "2010-02-20"}, {SpringFestival, "2010-02-21"},
			{DragonBoat, "2010-06-12"}, {DragonBoat, "2010-06-13"},
			{MidAutumn, "2010-09-19"}, {MidAutumn, "2010-09-25"},
			{NationalDay, "2010-09-26"}, {NationalDay, "2010-10-09"},
		}},
	{year: 2011, title: "国务院办公厅关于2011年部分节假日安排的通知", doc: "国办发明电〔2010〕40号", issued: "2010-12-09", checked: wholeText,
		rest: []block{
			{NewYear, "2011-01-01", "2011-01-03"},
			{SpringFestival, "2011-02-02", "2011-02-08"},
			{Qingming, "2011-04-03", "2011-04-05"},
			{LabourDay, "2011-04-30", "2011-05-02"},
			{DragonBoat, "2011-06-04", "2011-06-06"},
			{MidAutumn, "2011-09-10", "2011-09-12"},
			{NationalDay, "2011-10-01", "2011-10-07"},
		},
		work: []shift{
			{SpringFestival, "2011-01-30"}, {SpringFestival, "2011-02-12"},
			{Qingming, "2011-04-02"},
			{NationalDay, "2011-10-08"}, {NationalDay, "2011-10-09"},
		}},
	{year: 2012, title: "国务院办公厅关于2012年部分节假日安排的通知", doc: "国办发明电〔2011〕45号", issued: "2011-12-05", checked: wholeText,
		rest: []block{
			{NewYear, "2012-01-01", "2012-01-03"},
			{SpringFestival, "2012-01-22", "2012-01-28"},
			{Qingming, "2012-04-02", "2012-04-04"},
			{LabourDay, "2012-04-29", "2012-05-01"},
			{DragonBoat, "2012-06-22", "2012-06-24"},
			{MidAutumn | NationalDay, "2012-09-30", "2012-10-07"},
		},
		work: []shift{
			{NewYear, "2011-12-31"},
			{SpringFestival, "2012-01-21"}, {SpringFestival, "2012-01-29"},
			{Qingming, "2012-03-31"}, {Qingming, "2012-04-01"},
			{LabourDay, "2012-04-28"},
			{MidAutumn | NationalDay, "2012-09-29"},
		}},
	{year: 2013, title: "国务院办公厅关于2013年部分节假日安排的通知", doc: "国办发明电〔2012〕33号", issued: "2012-12-08", checked: wholeText,
		rest: []block{
			{NewYear, "2013-01-01", "2013-01-03"},
			{SpringFestival, "2013-02-09", "2013-02-15"},
			{Qingming, "2013-04-04", "2013-04-06"},
			{LabourDay, "2013-04-29", "2013-05-01"},
			{DragonBoat, "2013-06-10", "2013-06-12"},
			{MidAutumn, "2013-09-19", "2013-09-21"},
			{NationalDay, "2013-10-01", "2013-10-07"},
		},
		work: []shift{
			{NewYear, "2013-01-05"}, {NewYear, "2013-01-06"},
			{SpringFestival, "2013-02-16"}, {SpringFestival, "2013-02-17"},
			{Qingming, "2013-04-07"},
			{LabourDay, "2013-04-27"}, {LabourDay, "2013-04-28"},
			{DragonBoat, "2013-06-08"}, {DragonBoat, "2013-06-09"},
			{MidAutumn, "2013-09-22"},
			{NationalDay, "2013-09-29"}, {NationalDay, "2013-10-12"},
		}},
	{year: 2014, title: "国务院办公厅关于2014年部分节假日安排的通知", doc: "国办发明电〔2013〕28号", issued: "2013-12-11", checked: wholeText,
		// From 2014 until 2025, 除夕 was not a day off; the block starts on
		// 正月初一.
		rest: []block{
			{NewYear, "2014-01-01", "2014-01-01"},
			{SpringFestival, "2014-01-31", "2014-02-06"},
			{Qingming, "2014-04-05", "2014-04-07"},
			{LabourDay, "2014-05-01", "2014-05-03"},
			{DragonBoat, "2014-05-31", "2014-06-02"},
			{MidAutumn, "2014-09-06", "2014-09-08"},
			{NationalDay, "2014-10-01", "2014-10-07"},
		},
		work: []shift{
			{SpringFestival, "2014-01-26"}, {SpringFestival, "2014-02-08"},
			{LabourDay, "2014-05-04"},
			{NationalDay, "2014-09-28"}, {NationalDay, "2014-10-11"},
		}},
	{year: 2015, title: "国务院办公厅关于2015年部分节假日安排的通知", doc: "国办发明电〔2014〕28号", issued: "2014-12-16", checked: wholeText,
		// Several holidays this year are announced as the day itself plus a
		// Monday off (补休): 4月5日放假，4月6日补休; 6月20日放假，6月22日补休.
		rest: []block{
			{NewYear, "2015-01-01", "2015-01-03"},
			{SpringFestival, "2015-02-18", "2015-02-24"},
			{Qingming, "2015-04-05", "2015-04-06"},
			{LabourDay, "2015-05-01", "2015-05-03"},
			{DragonBoat, "2015-06-20", "2015-06-22"},
			{MidAutumn, "2015-09-27", "2015-09-27"},
			{NationalDay, "2015-10-01", "2015-10-07"},
		},
		work: []shift{
			{NewYear, "2015-01-04"},
			{SpringFestival, "2015-02-15"}, {SpringFestival, "2015-02-28"},
			{NationalDay, "2015-10-10"},
		}},
	{amends: 2015, title: "国务院关于中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日调休放假的通知", doc: "国发明电〔2015〕1号", issued: "2015-05-13", checked: wholeText,
		rest: []block{{VictoryDay, "2015-09-03", "2015-09-05"}},
		work: []shift{{VictoryDay, "2015-09-06"}}},
	{year: 2016, title: "国务院办公厅关于2016年部分节假日安排的通知", doc: "国办发明电〔2015〕18号", issued: "2015-12-10", checked: wholeText,
		rest: []block{
			{NewYear, "2016-01-01", "2016-01-03"},
			{SpringFestival, "2016-02-07", "2016-02-13"},
			{Qingming, "2016-04-02", "2016-04-04"},
			{LabourDay, "2016-05-01", "2016-05-02"},
			{DragonBoat, "2016-06-09", "2016-06-11"},
			{MidAutumn, "2016-09-15", "2016-09-17"},
			{NationalDay, "2016-10-01", "2016-10-07"},
		},
		work: []shift{
			{SpringFestival, "2016-02-06"}, {SpringFestival, "2016-02-14"},
			{DragonBoat, "2016-06-12"},
			{MidAutumn, "2016-09-18"},
			{NationalDay, "2016-10-08"}, {NationalDay, "2016-10-09"},
		}},
	{year: 2017, title: "国务院办公厅关于2017年部分节假日安排的通知", doc: "国办发明电〔2016〕17号", issued: "2016-12-01", checked: wholeText,
		rest: []block{
			{NewYear, "2017-01-01", "2017-01-02"},
			{SpringFestival, "2017-01-27", "2017-02-02"},
			{Qingming, "2017-04-02", "2017-04-04"},
			{LabourDay, "2017-04-29", "2017-05-01"},
			{DragonBoat, "2017-05-28", "2017-05-30"},
			{NationalDay | MidAutumn, "2017-10-01", "2017-10-08"},
		},
		work: []shift{
			{SpringFestival, "2017-01-22"}, {SpringFestival, "2017-02-04"},
			{Qingming, "2017-04-01"},
			{DragonBoat, "2017-05-27"},
			{NationalDay | MidAutumn, "2017-09-30"},
		}},
	{year: 2018, title: "国务院办公厅关于2018年部分节假日安排的通知", doc: "国办发明电〔2017〕12号", issued: "2017-11-30", checked: wholeText,
		rest: []block{
			{NewYear, "2017-12-30", "2018-01-01"},
			{SpringFestival, "2018-02-15", "2018-02-21"},
			{Qingming, "2018-04-05", "2018-04-07"},
			{LabourDay, "2018-04-29", "2018-05-01"},
			{DragonBoat, "2018-06-16", "2018-06-18"},
			{MidAutumn, "2018-09-22", "2018-09-24"},
			{NationalDay, "2018-10-01", "2018-10-07"},
		},
		work: []shift{
			{SpringFestival, "2018-02-11"}, {SpringFestival, "2018-02-24"},
			{Qingming, "2018-04-08"},
			{LabourDay, "2018-04-28"},
			{NationalDay, "2018-09-29"}, {NationalDay, "2018-09-30"},
		}},
	{year: 2019, title: "国务院办公厅关于2019年部分节假日安排的通知", doc: "国办发明电〔2018〕15号", issued: "2018-12-04", checked: wholeText,
		rest: []block{
			{NewYear, "2018-12-30", "2019-01-01"},
			{SpringFestival, "2019-02-04", "2019-02-10"},
			{Qingming, "2019-04-05", "2019-04-07"},
			{LabourDay, "2019-05-01", "2019-05-01"},
			{DragonBoat, "2019-06-07", "2019-06-09"},
			{MidAutumn, "2019-09-13", "2019-09-15"},
			{NationalDay, "2019-10-01", "2019-10-07"},
		},
		work: []shift{
			{NewYear, "2018-12-29"},
			{SpringFestival, "2019-02-02"}, {SpringFestival, "2019-02-03"},
			{NationalDay, "2019-09-29"}, {NationalDay, "2019-10-12"},
		}},
	{amends: 2019, title: "国务院办公厅关于调整2019年劳动节假期安排的通知", doc: "国办发明电〔2019〕3号", issued: "2019-03-22", checked: wholeText,
		// 劳动节 became 5月1日至4日, with 4月28日 and 5月5日 (Sundays) worked.
		rest: []block{{LabourDay, "2019-05-01", "2019-05-04"}},
		work: []shift{{LabourDay, "2019-04-28"}, {LabourDay, "2019-05-05"}}},
	{year: 2020, title: "国务院办公厅关于2020年部分节假日安排的通知", doc: "国办发明电〔2019〕16号", issued: "2019-11-21", checked: wholeText,
		rest: []block{
			{NewYear, "2020-01-01", "2020-01-01"},
			{SpringFestival, "2020-01-24", "2020-01-30"},
			{Qingming, "2020-04-04", "2020-04-06"},
			{LabourDay, "2020-05-01", "2020-05-05"},
			{DragonBoat, "2020-06-25", "2020-06-27"},
			{NationalDay | MidAutumn, "2020-10-01", "2020-10-08"},
		},
		work: []shift{
			{SpringFestival, "2020-01-19"}, {SpringFestival, "2020-02-01"},
			{LabourDay, "2020-04-26"}, {LabourDay, "2020-05-09"},
			{DragonBoat, "2020-06-28"},
			{NationalDay | MidAutumn, "2020-09-27"}, {NationalDay | MidAutumn, "2020-10-10"},
		}},
	{amends: 2020, title: "国务院办公厅关于延长2020年春节假期的通知", doc: "国办发明电〔2020〕1号", issued: "2020-01-26", checked: wholeText,
		// The Spring Festival break was extended to 2 February (正月初九);
		// 2月1日, announced as a working Saturday, became a day off.
		rest: []block{{SpringFestival, "2020-01-31", "2020-02-02"}}},
	{year: 2021, title: "国务院办公厅关于2021年部分节假日安排的通知", doc: "国办发明电〔2020〕27号", issued: "2020-11-25", checked: wholeText,
		rest: []block{
			{NewYear, "2021-01-01", "2021-01-03"},
			{SpringFestival, "2021-02-11", "2021-02-17"},
			{Qingming, "2021-04-03", "2021-04-05"},
			{LabourDay, "2021-05-01", "2021-05-05"},
			{DragonBoat, "2021-06-12", "2021-06-14"},
			{MidAutumn, "2021-09-19", "2021-09-21"},
			{NationalDay, "2021-10-01", "2021-10-07"},
		},
		work: []shift{
			{SpringFestival, "2021-02-07"}, {SpringFestival, "2021-02-20"},
			{LabourDay, "2021-04-25"}, {LabourDay, "2021-05-08"},
			{MidAutumn, "2021-09-18"},
			{NationalDay, "2021-09-26"}, {NationalDay, "2021-10-09"},
		}},
	{year: 2022, title: "国务院办公厅关于2022年部分节假日安排的通知", doc: "国办发明电〔2021〕11号", issued: "2021-10-25", checked: wholeText,
		rest: []block{
			{NewYear, "2022-01-01", "2022-01-03"},
			{SpringFestival, "2022-01-31", "2022-02-06"},
			{Qingming, "2022-04-03", "2022-04-05"},
			{LabourDay, "2022-04-30", "2022-05-04"},
			{DragonBoat, "2022-06-03", "2022-06-05"},
			{MidAutumn, "2022-09-10", "2022-09-12"},
			{NationalDay, "2022-10-01", "2022-10-07"},
		},
		work: []shift{
			{SpringFestival, "2022-01-29"}, {SpringFestival, "2022-01-30"},
			{Qingming, "2022-04-02"},
			{LabourDay, "2022-04-24"}, {LabourDay, "2022-05-07"},
			{NationalDay, "2022-10-08"}, {NationalDay, "2022-10-09"},
		}},
	{year: 2023, title: "国务院办公厅关于2023年部分节假日安排的通知", doc: "国办发明电〔2022〕16号", issued: "2022-12-08", checked: wholeText,
		rest: []block{
			{NewYear, "2022-12-31", "2023-01-02"},
			{SpringFestival, "2023-01-21", "2023-01-27"},
			{Qingming, "2023-04-05", "2023-04-05"},
			{LabourDay, "2023-04-29", "2023-05-03"},
			{DragonBoat, "2023-06-22", "2023-06-24"},
			{MidAutumn | NationalDay, "2023-09-29", "2023-10-06"},
		},
		work: []shift{
			{SpringFestival, "2023-01-28"}, {SpringFestival, "2023-01-29"},
			{LabourDay, "2023-04-23"}, {LabourDay, "2023-05-06"},
			{DragonBoat, "2023-06-25"},
			{MidAutumn | NationalDay, "2023-10-07"}, {MidAutumn | NationalDay, "2023-10-08"},
		}},
	{year: 2024, title: "国务院办公厅关于2024年部分节假日安排的通知", doc: "国办发明电〔2023〕7号", issued: "2023-10-25", checked: wholeText,
		rest: []block{
			{NewYear, "2023-12-30", "2024-01-01"},
			{SpringFestival, "2024-02-10", "2024-02-17"},
			{Qingming, "2024-04-04", "2024-04-06"},
			{LabourDay, "2024-05-01", "2024-05-05"},
			{DragonBoat, "2024-06-08", "2024-06-10"},
			{MidAutumn, "2024-09-15", "2024-09-17"},
			{NationalDay, "2024-10-01", "2024-10-07"},
		},
		work: []shift{
			{SpringFestival, "2024-02-04"}, {SpringFestival, "2024-02-18"},
			{Qingming, "2024-04-07"},
			{LabourDay, "2024-04-28"}, {LabourDay, "2024-05-11"},
			{MidAutumn, "2024-09-14"},
			{NationalDay, "2024-09-29"}, {NationalDay, "2024-10-12"},
		}},
	{year: 2025, title: "国务院办公厅关于2025年部分节假日安排的通知", doc: "国办发明电〔2024〕12号", issued: "2024-11-12", checked: wholeText,
		// The first year under the revised 全国年节及纪念日放假办法 (国务院令
		// 第795号): 除夕 and 5月2日 become statutory, 13 statutory days in all.
		rest: []block{
			{NewYear, "2025-01-01", "2025-01-01"},
			{SpringFestival, "2025-01-28", "2025-02-04"},
			{Qingming, "2025-04-04", "2025-04-06"},
			{LabourDay, "2025-05-01", "2025-05-05"},
			{DragonBoat, "2025-05-31", "2025-06-02"},
			{NationalDay | MidAutumn, "2025-10-01", "2025-10-08"},
		},
		work: []shift{
			{SpringFestival, "2025-01-26"}, {SpringFestival, "2025-02-08"},
			{LabourDay, "2025-04-27"},
			{NationalDay | MidAutumn, "2025-09-28"}, {NationalDay | MidAutumn, "2025-10-11"},
		}},
	{year: 2026, title: "国务院办公厅关于2026年部分节假日安排的通知", doc: "国办发明电〔2025〕7号", issued: "2025-11-04", checked: wholeText,
		rest: []block{
			{NewYear, "2026-01-01", "2026-01-03"},
			{SpringFestival, "2026-02-15", "2026-02-23"},
			{Qingming, "2026-04-04", "2026-04-06"},
			{LabourDay, "2026-05-01", "2026-05-05"},
			{DragonBoat, "2026-06-19", "2026-06-21"},
			{MidAutumn, "2026-09-25", "2026-09-27"},
			{NationalDay, "2026-10-01", "2026-10-07"},
		},
		work: []shift{
			{NewYear, "2026-01-04"},
			{SpringFestival, "2026-02-14"}, {SpringFestival, "2026-02-28"},
			{LabourDay, "2026-05-09"},
			{NationalDay, "2026-09-20"}, {NationalDay, "2026-10-10"},
		}},
	{year: 2027, title: "国务院办公厅关于2027年部分节假日安排的通知", issued: "2026年11月", checked: notAgainstText,
		via: "github.com/6tail/lunar-go v1.4.7 (HolidayUtil), checked against 国务院令第795号",
		// 春节 starts on 除夕 (2月5日) and, with 2月6日 and 7日 (初一, 初二)
		// on a weekend, runs nine days; 端午 (6月9日) and 中秋 (9月15日) fall
		// on a Wednesday and are one day each ("如逢周三则只在当日放假",
		// the principle the 2025 notice states).
		rest: []block{
			{NewYear, "2027-01-01", "2027-01-03"},
			{SpringFestival, "2027-02-05", "2027-02-13"},
			{Qingming, "2027-04-03", "2027-04-05"},
			{LabourDay, "2027-05-01", "2027-05-05"},
			{DragonBoat, "2027-06-09", "2027-06-09"},
			{MidAutumn, "2027-09-15", "2027-09-15"},
			{NationalDay, "2027-10-01", "2027-10-07"},
		},
		work: []shift{
			{SpringFestival, "2027-01-31"}, {SpringFestival, "2027-02-14"},
			{LabourDay, "2027-05-08"},
			{NationalDay, "2027-09-26"}, {NationalDay, "2027-10-09"},
		}},
}
