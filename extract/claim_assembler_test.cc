#include "extract/claim_assembler.h"

#include "absl/strings/str_join.h"
#include "extract/claim_assembler_testing.h"
#include "gtest/gtest.h"

namespace claimcheck {
namespace {

using namespace assembler_testing;  // the sentence tables

TEST(ClaimAssemblerTest, SentenceShapes) {
  const Case cases[] = {
      {"investment with recipient and stated quarter",
       {},
       "In Q3 2025, Big Fund III committed RMB 450 million to Piotech Jianke, a subsidiary.",
       {{"RMB 450 million", 450e6, "CNY", kMoney}},
       {{"Q3 2025", "2025-07-01", "2025-10-01", v1::GRANULARITY_QUARTER, false}},
       "big fund iii|investment|piotech jianke @ 2025-07-01..2025-10-01"},
      {"a Q fund carried from the previous sentence",
       {"Big Fund III committed money to Piotech."},
       "This investment, part of a RMB 71 billion fund, signals a shift.",
       {{"RMB 71 billion", 71e9, "CNY", kMoney}},
       {},
       "big fund iii|fund_size @ 2025-11-04..2025-11-05i"},
      {"the Q fund is expected to: the cue follows the figure",
       {"The scale of Big Fund III's investments suggests commitment."},
       "The RMB 71 billion fund is expected to prioritize equipment.",
       {{"RMB 71 billion", 71e9, "CNY", kMoney}},
       {},
       "big fund iii|fund_size @ 2025-11-04..2025-11-05i"},
      {"possessive revenue: change and level, growth widened to the year before",
       {},
       "SMIC's revenue rose 27% in 2024 to a record $8.03 billion, up from $6.32 billion in 2023.",
       {{"27%", 27, "percent", kPercent}, {"$8.03 billion", 8.03e9, "USD", kMoney},
        {"$6.32 billion", 6.32e9, "USD", kMoney}},
       {{"in 2024", "2024-01-01", "2025-01-01", v1::GRANULARITY_YEAR, false},
        {"in 2023", "2023-01-01", "2024-01-01", v1::GRANULARITY_YEAR, false}},
       "smic|revenue_growth @ 2023-01-01..2025-01-01; smic|revenue @ 2024-01-01..2025-01-01; "
       "smic|revenue @ 2023-01-01..2024-01-01"},
      {"registered capital of Q and its conversion",
       {},
       "Big Fund III has registered capital of RMB 344 billion, about $47.5 billion.",
       {{"RMB 344 billion", 344e9, "CNY", kMoney}, {"about $47.5 billion", 47.5e9, "USD", kMoney}},
       {},
       "big fund iii|fund_size @ 2025-11-04..2025-11-05i; big fund iii|fund_size @ 2025-11-04..2025-11-05i"},
      {"raised by a fund is its size",
       {},
       "Big Fund I, which raised RMB 138.7 billion in 2014, took stakes.",
       {{"RMB 138.7 billion", 138.7e9, "CNY", kMoney}},
       {{"in 2014", "2014-01-01", "2015-01-01", v1::GRANULARITY_YEAR, false}},
       "big fund i|fund_size @ 2014-01-01..2015-01-01"},
      {"named group with combined revenue and last year anchored by the range",
       {},
       "Good news for the top five \xE2\x80\x93 Naura, AMEC, ACM Research, Hwatsing and Piotech "
       "\xE2\x80\x93 whose combined revenues jumped 121% from 2019 to 2021 reaching $2.3 billion last year.",
       {{"121%", 121, "percent", kPercent}, {"$2.3 billion", 2.3e9, "USD", kMoney}},
       {{"from 2019 to 2021", "2019-01-01", "2022-01-01", v1::GRANULARITY_MULTI_YEAR, false},
        {"last year", "", "", v1::GRANULARITY_YEAR, true}},
       "naura, amec, acm research, hwatsing and piotech (combined)|revenue_growth @ 2019-01-01..2022-01-01; "
       "naura, amec, acm research, hwatsing and piotech (combined)|revenue @ 2021-01-01..2022-01-01"},
      {"forecast growth of a product's demand",
       {},
       "The demand for HBM chips is expected to soar by nearly 60% in 2023 alone.",
       {{"nearly 60%", 60, "percent", kPercent}},
       {{"in 2023", "2023-01-01", "2024-01-01", v1::GRANULARITY_YEAR, false}},
       "hbm chips|demand_growth @ 2022-01-01..2024-01-01 HEDGE_FORECAST"},
      {"time to market after an appositive",
       {},
       "ChangXin Memory Technologies (CXMT), China's best prospect, could take up to four years "
       "to introduce these products.",
       {{"up to four years", 4, "year", kDuration}},
       {},
       "cxmt|time_to_market @ 2025-11-04..2025-11-05i HEDGE_FORECAST"},
      {"participle opening: the subject follows the comma",
       {},
       "Having spent $200 billion to develop a chip industry, China is now embarking on a $56 "
       "billion, Huawei-led move.",
       {{"$200 billion", 200e9, "USD", kMoney}, {"$56 billion", 56e9, "USD", kMoney}},
       {},
       "china|spending @ 2025-11-04..2025-11-05i; china|investment|huawei-led move @ 2025-11-04..2025-11-05i"},
      {"size of counted things",
       {},
       "Across the way from JHICC, packaging specialist Quliang Electronics is building a second "
       "site the size of 20 soccer fields.",
       {{"20 soccer fields", 20, "soccer field", kCount}},
       {},
       "quliang electronics|size @ 2025-11-04..2025-11-05i"},
      {"counts joined by 'and' share the verb that makes them properties",
       {},
       "Acme Robotics shipped 20 million phones and 45 million tablets.",
       {{"20 million phones", 20e6, "phone", kCount}, {"45 million tablets", 45e6, "tablet", kCount}},
       {},
       "acme robotics|phones @ 2025-11-04..2025-11-05i; acme robotics|tablets @ 2025-11-04..2025-11-05i"},
      {"process node of the company, carried over, with a target",
       {"SMIC's best process is the 40nm process."},
       "The company's current target is to set up, in the next two years, a 28nm line.",
       {{"28nm", 28, "nm", kDimension}},
       {{"in the next two years", "2025-11-04", "2027-11-04", v1::GRANULARITY_MULTI_YEAR, false}},
       "smic|process_node|target @ 2025-11-04..2027-11-04 HEDGE_FORECAST"},
      {"elided ordinal phases of the fund the text is about",
       {"Big Fund III has registered capital of 344bn yuan."},
       "The first phase raised RMB 138.7 billion in 2014 and the second raised RMB 204.2 billion in 2019.",
       {{"RMB 138.7 billion", 138.7e9, "CNY", kMoney}, {"RMB 204.2 billion", 204.2e9, "CNY", kMoney}},
       {{"in 2014", "2014-01-01", "2015-01-01", v1::GRANULARITY_YEAR, false},
        {"in 2019", "2019-01-01", "2020-01-01", v1::GRANULARITY_YEAR, false}},
       "big fund i|fund_size @ 2014-01-01..2015-01-01; big fund ii|fund_size @ 2019-01-01..2020-01-01"},
      {"a change from a base period, with an implicit quarter",
       {},
       "SMIC reported third-quarter revenue of $2.38 billion, up 7.8% from the second quarter.",
       {{"$2.38 billion", 2.38e9, "USD", kMoney}, {"7.8%", 7.8, "percent", kPercent}},
       {},
       "smic|revenue @ 2025-07-01..2025-10-01 HEDGE_REPORTED; smic|revenue_growth @ 2025-04-01..2025-10-01 HEDGE_REPORTED"},
      {"a range after a change word",
       {},
       "SMIC expects third-quarter revenue to rise 13% to 15% from the previous quarter.",
       {{"13%", 13, "percent", kPercent}, {"15%", 15, "percent", kPercent}},
       {},
       "smic|revenue_growth @ 2026-04-01..2026-10-01 HEDGE_FORECAST"},
      {"a figure with no entity and no metric is no claim",
       {},
       "The person who wants to reinvent the wheel will be fired 100% of the time.",
       {{"100%", 100, "percent", kPercent}},
       {},
       ""},
      {"counted partners of the project named before",
       {"Biren is among the first companies to join China Mobile's new lab."},
       "Biren, Inspur and Alibaba Cloud are among the 10 initial partners for this project.",
       {{"10 initial partners", 10, "initial partner", kCount}},
       {},
       "china mobile|partners @ 2025-11-04..2025-11-05i"},
      {"a multiword organisation name opening the sentence",
       {},
       "Acme Robotics plans to build 4 fabs in Ohio.",
       {{"4 fabs", 4, "fab", kCount}},
       {},
       "acme robotics|fabs @ 2025-11-04..2025-11-05i HEDGE_FORECAST"},
      {"a one-word opener in apposition to a fund",
       {},
       "Contoso, a $2 billion fund, invested $40 million in Fabrikam.",
       {{"$2 billion", 2e9, "USD", kMoney}, {"$40 million", 40e6, "USD", kMoney}},
       {},
       "contoso|fund_size @ 2025-11-04..2025-11-05i; "
       "contoso|investment|fabrikam @ 2025-11-04..2025-11-05i"},
      {"a one-word opener that is valued",
       {},
       "Hooli is worth about $1.5 trillion.",
       {{"$1.5 trillion", 1.5e12, "USD", kMoney}},
       {},
       "hooli|valuation @ 2025-11-04..2025-11-05i"},
      {"a plural opener is not a name",
       {"The chipmaker we follow is Northwind."},
       "Investors said revenue reached $3 billion.",
       {{"$3 billion", 3e9, "USD", kMoney}},
       {},
       "northwind|revenue @ 2025-11-04..2025-11-05i"},
      {"orders worth a figure, and analysts' expectations of one",
       {},
       "ASML booked orders worth \xE2\x82\xAC" "5.4 billion, beating analysts' expectations of "
       "\xE2\x82\xAC" "5.1 billion.",
       {{"\xE2\x82\xAC" "5.4 billion", 5.4e9, "EUR", kMoney},
        {"\xE2\x82\xAC" "5.1 billion", 5.1e9, "EUR", kMoney}},
       {},
       "asml|orders @ 2025-11-04..2025-11-05i; "
       "asml|orders @ 2025-11-04..2025-11-05i HEDGE_ESTIMATED"},
      {"a government named by its country, and aid as a subsidy",
       {"The chipmaker we follow is Northwind."},
       "The US government will provide up to $6.6 billion in aid to the plant.",
       {{"up to $6.6 billion", 6.6e9, "USD", kMoney}},
       {},
       "us government|subsidy @ 2025-11-04..2025-11-05i HEDGE_FORECAST"},
      {"a government named by its nationality",
       {"The chipmaker we follow is Northwind."},
       "The Chinese government injected $20 billion into the fund.",
       {{"$20 billion", 20e9, "USD", kMoney}},
       {},
       "chinese government|investment @ 2025-11-04..2025-11-05i"},
      {"jobs cut are not the headcount",
       {},
       "Acme Robotics laid off 1,200 workers and employs 13,000 people.",
       {{"1,200 workers", 1200, "worker", kCount}, {"13,000 people", 13000, "person", kCount}},
       {},
       "acme robotics|job_cuts @ 2025-11-04..2025-11-05i; "
       "acme robotics|employees @ 2025-11-04..2025-11-05i"},
      {"a one-word opener that aims at a figure",
       {"The chipmaker we follow is Northwind."},
       "Rapidus aims to begin mass production of 2nm chips.",
       {{"2nm", 2, "nm", kDimension}},
       {},
       "rapidus|process_node|target @ 2025-11-04..2025-11-05i HEDGE_FORECAST"},
      {"a plural opener joined by 'of' is not part of the name",
       {},
       "Shares of Contoso Holdings closed at $150.23 on Friday.",
       {{"$150.23", 150.23, "USD", kMoney}},
       {},
       "contoso holdings|share_price @ 2025-11-04..2025-11-05i"},
      {"a share owned in a named company",
       {},
       "Contoso owns roughly 90% of Fabrikam.",
       {{"roughly 90%", 90, "percent", kPercent}},
       {},
       "contoso|ownership_share|fabrikam @ 2025-11-04..2025-11-05i"},
      {"a price of one",
       {},
       "Contoso said its machines cost about $200 million each.",
       {{"about $200 million", 200e6, "USD", kMoney}},
       {},
       "contoso|price @ 2025-11-04..2025-11-05i HEDGE_REPORTED"},
      {"a percentage of the total is a share, with what it comes from",
       {},
       "Contoso's revenue from Fabrikam was about 30% of the total.",
       {{"about 30%", 30, "percent", kPercent}},
       {},
       "contoso|revenue_share|fabrikam @ 2025-11-04..2025-11-05i"},
      {"a tolerance around a figure is no claim of its own",
       {},
       "Nvidia expects revenue of $65 billion, plus or minus 2%.",
       {{"$65 billion", 65e9, "USD", kMoney}, {"minus 2%", -2, "percent", kPercent}},
       {},
       "nvidia|revenue @ 2025-11-04..2025-11-05i HEDGE_FORECAST"},
      {"a tolerance written with a sign",
       {},
       "Nvidia expects revenue of $65 billion \xC2\xB1 2%.",
       {{"$65 billion", 65e9, "USD", kMoney}, {"2%", 2, "percent", kPercent}},
       {},
       "nvidia|revenue @ 2025-11-04..2025-11-05i HEDGE_FORECAST"},
      {"a tolerance given or taken",
       {},
       "Nvidia expects revenue of $65 billion, give or take 2%.",
       {{"$65 billion", 65e9, "USD", kMoney}, {"2%", 2, "percent", kPercent}},
       {},
       "nvidia|revenue @ 2025-11-04..2025-11-05i HEDGE_FORECAST"},
      {"a one-word opener with a capital inside is no plural",
       {"The chipmaker we follow is Northwind."},
       "GlobalFoundries posted revenue of $1.7 billion.",
       {{"$1.7 billion", 1.7e9, "USD", kMoney}},
       {},
       "globalfoundries|revenue @ 2025-11-04..2025-11-05i"},
      {"a one-word opener ending in -us is no plural",
       {"The chipmaker we follow is Northwind."},
       "Airbus said revenue reached $30 billion.",
       {{"$30 billion", 30e9, "USD", kMoney}},
       {},
       "airbus|revenue @ 2025-11-04..2025-11-05i HEDGE_REPORTED"},
      {"a metric phrase ending in a money verb, 'its' bound to the sentence's subject",
       {"The chipmaker we follow is Northwind."},
       "TSMC said its capital spending this year would be $40 billion.",
       {{"$40 billion", 40e9, "USD", kMoney}},
       {},
       "tsmc|capex @ 2025-11-04..2025-11-05i HEDGE_FORECAST"},
      {"shares of a company",
       {"The chipmaker we follow is Northwind."},
       "Shares of Micron rose 7% on Wednesday.",
       {{"7%", 7, "percent", kPercent}},
       {},
       "micron|share_price_growth @ 2025-11-04..2025-11-05i"},
      {"a market named by the metric's modifiers, not the previous subject",
       {"The chipmaker we follow is Northwind."},
       "Global chip sales reached $627 billion in 2024, the industry association said.",
       {{"$627 billion", 627e9, "USD", kMoney}},
       {{"in 2024", "2024-01-01", "2025-01-01", v1::GRANULARITY_YEAR, false}},
       "global chip|revenue @ 2024-01-01..2025-01-01"},
      {"a measure word is no market: the subject carries over",
       {"The chipmaker we follow is Northwind."},
       "Annual revenue reached $3 billion.",
       {{"$3 billion", 3e9, "USD", kMoney}},
       {},
       "northwind|revenue @ 2025-11-04..2025-11-05i"},
      {"a one-word opener that will act",
       {"The chipmaker we follow is Northwind."},
       "Alibaba will invest 380 billion yuan in cloud infrastructure.",
       {{"380 billion yuan", 380e9, "CNY", kMoney}},
       {},
       "alibaba|investment @ 2025-11-04..2025-11-05i HEDGE_FORECAST"},
      {"'values X at Q': X is valued",
       {"The chipmaker we follow is Northwind."},
       "The deal values Figma at roughly $20 billion.",
       {{"roughly $20 billion", 20e9, "USD", kMoney}},
       {},
       "figma|valuation @ 2025-11-04..2025-11-05i"},
      {"'grew N% year-on-year to Q in <period>': the change ends in the level's period",
       {},
       "Revenue at Foxconn grew 15.8% year-on-year to NT$1.8 trillion in the second quarter.",
       {{"15.8%", 15.8, "percent", kPercent}, {"NT$1.8 trillion", 1.8e12, "TWD", kMoney}},
       {{"in the second quarter", "2025-04-01", "2025-07-01", v1::GRANULARITY_QUARTER, false}},
       "foxconn|revenue_growth @ 2024-04-01..2025-07-01; "
       "foxconn|revenue @ 2025-04-01..2025-07-01"},
      {"a country's imports",
       {},
       "China imported $385 billion worth of chips in 2024, customs data showed.",
       {{"$385 billion", 385e9, "USD", kMoney}},
       {{"in 2024", "2024-01-01", "2025-01-01", v1::GRANULARITY_YEAR, false}},
       "china|imports @ 2024-01-01..2025-01-01 HEDGE_REPORTED"},
      {"no carried subject when someone else is the sentence's subject",
       {"The chipmaker we follow is Northwind."},
       "Sales are expected to exceed $1 trillion by 2030, McKinsey said.",
       {{"$1 trillion", 1e12, "USD", kMoney}},
       {},
       ""},
      {"places do not stop the carried subject",
       {"The chipmaker we follow is Northwind."},
       "Capital expenditure was about $7.5 billion, mostly in Beijing and Shanghai.",
       {{"about $7.5 billion", 7.5e9, "USD", kMoney}},
       {},
       "northwind|capex @ 2025-11-04..2025-11-05i"},
      {"a loss, and the company referred to with a capitalised modifier",
       {"The chipmaker we follow is Northwind."},
       "The Shanghai-based chipmaker lost 1.6 billion yuan last year.",
       {{"1.6 billion yuan", 1.6e9, "CNY", kMoney}},
       {{"last year", "2024-01-01", "2025-01-01", v1::GRANULARITY_YEAR, false}},
       "northwind|net_loss @ 2024-01-01..2025-01-01"},
      {"a change since a month keeps its open period",
       {"The chipmaker we follow is Northwind."},
       "Its shares have gained about 160% since January.",
       {{"about 160%", 160, "percent", kPercent}},
       {{"since January", "2025-01-01", "", v1::GRANULARITY_MONTH, false}},
       "northwind|share_price_growth @ 2025-01-01.."},
      {"a part's share of an owner's metric",
       {},
       "China accounts for about 30% of ASML's sales.",
       {{"about 30%", 30, "percent", kPercent}},
       {},
       "asml|revenue_share|china @ 2025-11-04..2025-11-05i"},
      {"a named part's share, the part in lower case",
       {},
       "Data centers made up 88% of Nvidia's revenue.",
       {{"88%", 88, "percent", kPercent}},
       {},
       "nvidia|revenue_share|data centers @ 2025-11-04..2025-11-05i"},
      {"beating estimates is no hedge",
       {},
       "Profit at Hon Hai rose 72%, beating estimates.",
       {{"72%", 72, "percent", kPercent}},
       {},
       "hon hai|profit_growth @ 2025-11-04..2025-11-05i"},
      {"a two-word name that acts at the start of a sentence",
       {},
       "South Korea unveiled a 26 trillion won support package.",
       {{"26 trillion won", 26e12, "KRW", kMoney}},
       {},
       "south korea|spending @ 2025-11-04..2025-11-05i"},
      {"a descriptor before an acronym is not part of the name",
       {},
       "Chipmaker SMIC said revenue reached $2 billion.",
       {{"$2 billion", 2e9, "USD", kMoney}},
       {},
       "smic|revenue @ 2025-11-04..2025-11-05i HEDGE_REPORTED"},
      {"an opener acting after an auxiliary",
       {},
       "Japan has earmarked 3.9 trillion yen for its chip industry.",
       {{"3.9 trillion yen", 3.9e12, "JPY", kMoney}},
       {},
       "japan|investment @ 2025-11-04..2025-11-05i"},
      {"'under the plan' is no forecast; an award is funding",
       {},
       "Under the plan, Intel was awarded up to $7.86 billion in direct funding.",
       {{"up to $7.86 billion", 7.86e9, "USD", kMoney}},
       {},
       "intel|funding @ 2025-11-04..2025-11-05i"},
      {"a deal worth Q, with its conversion in parentheses",
       {},
       "Hygon agreed to buy Sugon in a deal worth 116 billion yuan ($16 billion).",
       {{"116 billion yuan", 116e9, "CNY", kMoney}, {"$16 billion", 16e9, "USD", kMoney}},
       {},
       "hygon|deal_value @ 2025-11-04..2025-11-05i; hygon|deal_value @ 2025-11-04..2025-11-05i"},
      {"a change between two percentages is one range",
       {"The chipmaker we follow is Northwind."},
       "Its revenue grew between 8% and 10% last year.",
       {{"8%", 8, "percent", kPercent}, {"10%", 10, "percent", kPercent}},
       {{"last year", "2024-01-01", "2025-01-01", v1::GRANULARITY_YEAR, false}},
       "northwind|revenue_growth @ 2023-01-01..2025-01-01"},
      {"a name in a relative clause is not the subject",
       {},
       "CXMT, which makes DRAM, is valued at 140 billion yuan.",
       {{"140 billion yuan", 140e9, "CNY", kMoney}},
       {},
       "cxmt|valuation @ 2025-11-04..2025-11-05i"},
      {"a change noun after the percentage",
       {},
       "AMD reported revenue of $7.4 billion, a 36% increase from a year ago.",
       {{"$7.4 billion", 7.4e9, "USD", kMoney}, {"36%", 36, "percent", kPercent}},
       {},
       "amd|revenue @ 2025-11-04..2025-11-05i HEDGE_REPORTED; "
       "amd|revenue_growth @ 2025-11-04..2025-11-05i HEDGE_REPORTED"},
      {"'forecast' after a name is a verb",
       {},
       "Qualcomm forecast revenue of $10 billion.",
       {{"$10 billion", 10e9, "USD", kMoney}},
       {},
       "qualcomm|revenue @ 2025-11-04..2025-11-05i HEDGE_FORECAST"},
      {"what analysts had expected is their estimate; a metric at a company",
       {"The chipmaker we follow is Northwind."},
       "Operating income at Contoso fell to $1.2 billion, below the $1.5 billion analysts had "
       "expected.",
       {{"$1.2 billion", 1.2e9, "USD", kMoney}, {"$1.5 billion", 1.5e9, "USD", kMoney}},
       {},
       "contoso|profit @ 2025-11-04..2025-11-05i; "
       "contoso|profit @ 2025-11-04..2025-11-05i HEDGE_ESTIMATED"},
      {"'its' before a noun phrase refers back; commitments are investment",
       {"The chipmaker we follow is Northwind."},
       "Its largest single investment, RMB 2.1 billion, went to a supplier.",
       {{"RMB 2.1 billion", 2.1e9, "CNY", kMoney}},
       {},
       "northwind|investment @ 2025-11-04..2025-11-05i"},
      {"'their' before a noun phrase is the group named",
       {"The chipmaker we follow is Northwind."},
       "Naura, AMEC and Piotech said their combined revenues reached $2.3 billion.",
       {{"$2.3 billion", 2.3e9, "USD", kMoney}},
       {},
       "naura, amec and piotech (combined)|revenue @ 2025-11-04..2025-11-05i HEDGE_REPORTED"},
      {"a size in nanometres is a process node whatever it modifies",
       {"The chipmaker we follow is Northwind."},
       "Northwind's 7nm yields are below 50%.",
       {{"7nm", 7, "nm", kDimension}, {"below 50%", 50, "percent", kPercent}},
       {},
       "northwind|process_node @ 2025-11-04..2025-11-05i; "
       "northwind|yield @ 2025-11-04..2025-11-05i"},
      {"an unnamed claimant reports",
       {},
       "Somebody claimed Big Fund III has already spent RMB 100 billion.",
       {{"RMB 100 billion", 100e9, "CNY", kMoney}},
       {},
       "big fund iii|spending @ 2025-11-04..2025-11-05i HEDGE_REPORTED"},
      {"a trailing source is not carried to the next sentence",
       {"Memory prices could climb another 15% next quarter, TrendForce predicts."},
       "Total investment in the project is about $10 billion.",
       {{"about $10 billion", 10e9, "USD", kMoney}},
       {},
       ""},
      {"the level's period after 'rose N% to Q' ends the change",
       {},
       "Northwind's revenue rose 18% to $5.2 billion in 2024.",
       {{"18%", 18, "percent", kPercent}, {"$5.2 billion", 5.2e9, "USD", kMoney}},
       {{"in 2024", "2024-01-01", "2025-01-01", v1::GRANULARITY_YEAR, false}},
       "northwind|revenue_growth @ 2023-01-01..2025-01-01; "
       "northwind|revenue @ 2024-01-01..2025-01-01"},
  };
  CheckSentenceShapes(cases);
}

// A level and a decline in one sentence, with the names learnt from it.
struct DeclineSentence {
  const std::string sentence = "SMIC said its revenue was $6.32 billion, down 13% from 2022.";
  MetricVocabulary metrics = MetricVocabulary::BuiltIn();
  EntityAliases aliases = EntityAliases::BuiltIn();
  DocumentEntities entities{&aliases};
  ClaimAssembler assembler{&metrics};
  SentenceInput input;

  DeclineSentence() {
    entities.Learn(sentence, Tokenize(sentence));
    input.text = sentence;
    input.quantities.push_back(MakeQuantity(sentence, {"$6.32 billion", 6.32e9, "USD", kMoney}));
    input.quantities.push_back(MakeQuantity(sentence, {"13%", 13, "percent", kPercent}));
  }
};

TEST(ClaimAssemblerTest, DeclinesAreNegative) {
  DeclineSentence d;
  Discourse discourse;
  std::vector<AssembledClaim> got = d.assembler.Assemble(d.input, d.entities, {}, &discourse);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].subject.key(), "smic|revenue");
  EXPECT_EQ(got[1].subject.key(), "smic|revenue_growth");
  EXPECT_EQ(got[1].quantity.value(), -13);
  EXPECT_EQ(discourse.subject, "SMIC");
}

// "rose 10% to $5 billion in 2024" in a document without a date: the change still takes
// the level's year (as in a dated one), not no period at all.
TEST(ClaimAssemblerTest, AChangeTakesTheLevelsPeriodInAnUndatedDocument) {
  EntityAliases aliases = EntityAliases::BuiltIn();
  MetricVocabulary metrics = MetricVocabulary::BuiltIn();
  ClaimAssembler assembler(&metrics);
  DocumentEntities entities(&aliases);
  const std::string sentence = "Contoso's revenue rose 10% to $5 billion in 2024.";
  entities.Learn(sentence, Tokenize(sentence));
  SentenceInput input;
  input.text = sentence;
  input.quantities.push_back(MakeQuantity(sentence, {"10%", 10, "percent", kPercent}));
  input.quantities.push_back(MakeQuantity(sentence, {"$5 billion", 5e9, "USD", kMoney}));
  input.times.push_back(
      MakeTime(sentence, {"in 2024", "2024-01-01", "2025-01-01", v1::GRANULARITY_YEAR, false}));
  Discourse discourse;
  std::vector<std::string> got;
  for (const AssembledClaim& a : assembler.Assemble(input, entities, {}, &discourse)) {
    got.push_back(Describe(a));
  }
  EXPECT_EQ(absl::StrJoin(got, "; "),
            "contoso|revenue_growth @ 2023-01-01..2025-01-01; "
            "contoso|revenue @ 2024-01-01..2025-01-01");
}

TEST(ClaimAssemblerTest, MovingQuantitiesGivesTheSameClaims) {
  DeclineSentence d;
  Discourse copied_discourse, moved_discourse;
  std::vector<AssembledClaim> copied =
      d.assembler.Assemble(d.input, d.entities, {}, &copied_discourse);
  std::vector<AssembledClaim> moved =
      d.assembler.Assemble(&d.input, d.entities, {}, &moved_discourse);
  ASSERT_EQ(moved.size(), copied.size());
  for (size_t i = 0; i < moved.size(); ++i) {
    EXPECT_EQ(moved[i].quantity.SerializeAsString(), copied[i].quantity.SerializeAsString());
    EXPECT_EQ(moved[i].subject.key(), copied[i].subject.key());
    EXPECT_EQ(moved[i].figure_begin, copied[i].figure_begin);
  }
  EXPECT_EQ(moved[1].quantity.value(), -13);
  // The mentions keep their places; their quantities went into the claims.
  ASSERT_EQ(d.input.quantities.size(), 2u);
  EXPECT_EQ(d.sentence.substr(d.input.quantities[1].begin, 3), "13%");
  EXPECT_EQ(moved_discourse.subject, copied_discourse.subject);
}

// A claim assembled into a slot that held an earlier claim (with qualifiers, a written
// entity, a stated period, a hedge) is the claim a fresh vector gets.
TEST(ClaimAssemblerTest, ReusedSlotsKeepNothingOfEarlierClaims) {
  const std::string first =
      "Contoso bought Fabrikam Robotics for $68.7 billion in 2024, and could pay $2 billion.";
  const std::string second = "Revenue was $5 billion.";
  MetricVocabulary metrics = MetricVocabulary::BuiltIn();
  EntityAliases aliases = EntityAliases::BuiltIn();
  ClaimAssembler assembler(&metrics);
  v1::PublicationTime published;
  published.mutable_time()->set_seconds(1762249140);  // 2025-11-04 09:39 UTC
  DocumentEntities entities(&aliases);
  entities.Learn(first, Tokenize(first));
  entities.Learn(second, Tokenize(second));
  auto first_input = [&] {
    SentenceInput in;
    in.text = first;
    in.quantities.push_back(MakeQuantity(first, {"$68.7 billion", 68.7e9, "USD", kMoney}));
    in.quantities.push_back(MakeQuantity(first, {"$2 billion", 2e9, "USD", kMoney}));
    in.times.push_back(
        MakeTime(first, {"in 2024", "2024-01-01", "2025-01-01", v1::GRANULARITY_YEAR, false}));
    return in;
  };
  auto second_input = [&] {
    SentenceInput in;
    in.text = second;
    in.quantities.push_back(MakeQuantity(second, {"$5 billion", 5e9, "USD", kMoney}));
    return in;
  };
  // Fresh vectors.
  Discourse fresh_discourse;
  SentenceInput in = first_input();
  std::vector<AssembledClaim> fresh_first =
      assembler.Assemble(&in, entities, published, &fresh_discourse);
  in = second_input();
  std::vector<AssembledClaim> fresh_second =
      assembler.Assemble(&in, entities, published, &fresh_discourse);
  ASSERT_EQ(fresh_first.size(), 2u);
  ASSERT_FALSE(fresh_first[0].subject.qualifiers().empty());
  ASSERT_EQ(fresh_second.size(), 1u);
  ASSERT_TRUE(fresh_second[0].subject.entity_as_written().empty());  // carried over
  // One vector for both sentences.
  Discourse reused_discourse;
  std::vector<AssembledClaim> slots;
  in = first_input();
  ASSERT_EQ(assembler.Assemble(&in, entities, published, &reused_discourse, &slots), 2u);
  in = second_input();
  ASSERT_EQ(assembler.Assemble(&in, entities, published, &reused_discourse, &slots), 1u);
  const AssembledClaim& want = fresh_second[0];
  const AssembledClaim& got = slots[0];
  EXPECT_EQ(got.subject.SerializeAsString(), want.subject.SerializeAsString());
  EXPECT_EQ(got.scope.SerializeAsString(), want.scope.SerializeAsString());
  EXPECT_EQ(got.quantity.SerializeAsString(), want.quantity.SerializeAsString());
  EXPECT_EQ(got.attribution.source, want.attribution.source);
  EXPECT_EQ(got.attribution.hedge, want.attribution.hedge);
  EXPECT_EQ(got.confidence, want.confidence);
  EXPECT_EQ(got.figure_begin, want.figure_begin);
  EXPECT_EQ(got.figure_end, want.figure_end);
}

}  // namespace
}  // namespace claimcheck
