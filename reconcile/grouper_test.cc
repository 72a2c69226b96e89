#include "reconcile/grouper.h"

#include "gtest/gtest.h"

namespace claimcheck {
namespace {

v1::Subject MakeSubject(const char* entity, const char* metric, const char* key,
                        const char* qualifier = nullptr) {
  v1::Subject subject;
  subject.set_entity(entity);
  subject.set_metric(metric);
  subject.set_key(key);
  if (qualifier != nullptr) {
    auto* q = subject.add_qualifiers();
    q->set_role("recipient");
    q->set_value(qualifier);
  }
  return subject;
}

TEST(GrouperTest, NormalizeMetric) {
  struct Case {
    const char* in;
    const char* out;
  } cases[] = {{"Revenue Growth", "revenue_growth"}, {" fund  size ", "fund_size"},
               {"time-to-market", "time_to_market"}, {"fund_size", "fund_size"},
               {"", ""}};
  for (const auto& c : cases) EXPECT_EQ(NormalizeMetric(c.in), c.out) << c.in;
}

TEST(GrouperTest, GroupKeyLowerCasesOrBuilds) {
  struct Case {
    v1::Subject subject;
    const char* key;
  } cases[] = {
      {MakeSubject("Big Fund III", "fund size", "Big Fund III|fund_size"),
       "big fund iii|fund_size"},
      {MakeSubject("Big Fund III", "fund size", ""), "big fund iii|fund_size"},
      {MakeSubject("Big Fund III", "investment", "", "Piotech Jianke"),
       "big fund iii|investment|piotech jianke"},
      {MakeSubject("X", "y", "  Custom Key "), "custom key"},
  };
  for (const auto& c : cases) EXPECT_EQ(GroupKey(c.subject), c.key);
}

TEST(GrouperTest, GroupsAreSortedAndKeepInputOrder) {
  std::vector<std::string> keys = {"b", "a", "b", "c", "a"};
  auto groups = GroupByKey(keys);
  ASSERT_EQ(groups.size(), 3u);
  EXPECT_EQ(groups[0].key, "a");
  EXPECT_EQ(groups[0].members, (std::vector<size_t>{1, 4}));
  EXPECT_EQ(groups[1].key, "b");
  EXPECT_EQ(groups[1].members, (std::vector<size_t>{0, 2}));
  EXPECT_EQ(groups[2].members, (std::vector<size_t>{3}));
  EXPECT_TRUE(GroupByKey({}).empty());
}

}  // namespace
}  // namespace claimcheck
