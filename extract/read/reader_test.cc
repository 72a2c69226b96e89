#include "extract/read/reader.h"

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "gtest/gtest.h"

namespace claimcheck {
namespace {

namespace fs = std::filesystem;

class ReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* tmp = std::getenv("TEST_TMPDIR");
    dir_ = fs::path(tmp != nullptr ? tmp : "/tmp") /
           ("reader_test_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  std::string Write(const std::string& name, const std::string& bytes) {
    fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }
  std::vector<v1::Document> Read(const std::string& path, absl::Status* status = nullptr) {
    DocumentReader reader({}, &sink_);
    std::vector<v1::Document> docs;
    absl::Status s = reader.ReadPath(path, [&](v1::Document&& d) { docs.push_back(std::move(d)); });
    if (status != nullptr) *status = s;
    return docs;
  }
  bool Reported(const std::string& place_part, const std::string& message_part) const {
    for (const auto& [place, message] : sink_.issues()) {
      if (absl::StrContains(place, place_part) && absl::StrContains(message, message_part)) return true;
    }
    return false;
  }

  fs::path dir_;
  CollectingIssueSink sink_;
};

TEST_F(ReaderTest, MissingPathIsAnErrorNamingIt) {
  absl::Status s;
  auto docs = Read((dir_ / "nope.txt").string(), &s);
  EXPECT_TRUE(docs.empty());
  EXPECT_TRUE(absl::IsNotFound(s)) << s;
  EXPECT_TRUE(absl::StrContains(s.message(), "nope.txt")) << s;
}

TEST_F(ReaderTest, EmptyFileReportedAndSkipped) {
  std::string path = Write("empty.txt", "");
  absl::Status s;
  EXPECT_TRUE(Read(path, &s).empty());
  EXPECT_TRUE(s.ok()) << s;
  EXPECT_TRUE(Reported("empty.txt", "empty file"));
}

TEST_F(ReaderTest, BinaryFileInDirectorySkippedOthersRead) {
  Write("a.txt", "First article.\n\nIt has text.");
  Write("b.bin", std::string("\x7F" "ELF\0\0\0binary", 13));
  Write("c.txt", "Second article.\n\nMore text.");
  auto docs = Read(dir_.string());
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_TRUE(absl::EndsWith(docs[0].uri(), "a.txt"));  // sorted order
  EXPECT_TRUE(absl::EndsWith(docs[1].uri(), "c.txt"));
  EXPECT_TRUE(Reported("b.bin", "binary file skipped"));
}

TEST_F(ReaderTest, InvalidUtf8ReplacedAndReportedWithOffset) {
  std::string path = Write("latin1.txt", "Caf\xE9 sales rose 3%.");
  auto docs = Read(path);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].text(), "Caf\xEF\xBF\xBD sales rose 3%.");
  EXPECT_TRUE(Reported("latin1.txt: byte 3", "invalid UTF-8"));
  ASSERT_EQ(docs[0].warnings_size(), 1);
  EXPECT_TRUE(absl::StrContains(docs[0].warnings(0), "byte 3"));
}

TEST_F(ReaderTest, TruncatedJsonReportedWithOffset) {
  std::string json = "{\"title\": {\"rendered\": \"T\"}, \"content\": {\"rendered\": \"<p>cut";
  std::string path = Write("post.json", json);
  EXPECT_TRUE(Read(path).empty());
  EXPECT_TRUE(Reported("post.json: byte " + std::to_string(json.size()), "truncated JSON"));
}

TEST_F(ReaderTest, BadJsonLineReportedOthersRead) {
  std::string path = Write("feed.jsonl",
                           "{\"title\": \"A\", \"text\": \"One.\"}\n"
                           "{\"title\": \"B\", \"text\": \n"
                           "{\"title\": \"C\", \"text\": \"Three.\"}\n");
  auto docs = Read(path);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_TRUE(Reported("feed.jsonl:2", "bad JSON"));
}

TEST_F(ReaderTest, SameDocumentTwiceIsReadOnce) {
  Write("one.txt", "Same words here.\n");
  Write("sub/two.txt", "Same  words here.\n");  // same after normalisation
  auto docs = Read(dir_.string());
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_TRUE(Reported("two.txt", "read once"));
}

TEST_F(ReaderTest, HiddenFilesAreLeftOut) {
  Write(".hidden.txt", "Secret notes.");
  Write("seen.txt", "Visible notes.");
  EXPECT_EQ(Read(dir_.string()).size(), 1u);
}

TEST_F(ReaderTest, DirectoriesAreReadInSortedPathOrder) {
  // "a.txt" sorts before "a/..." ('.' < '/'), and a directory's files stay together.
  Write("b.txt", "Bravo text.");
  Write("a/z.txt", "Zulu text.");
  Write("a/b/c.txt", "Charlie text.");
  Write("a.txt", "Alpha text.");
  Write("a-b.txt", "Hyphen text.");
  Write(".hidden/x.txt", "Hidden text.");
  Write("a/.hidden.txt", "Hidden too.");
  std::vector<std::string> got;
  for (const v1::Document& d : Read(dir_.string())) {
    got.push_back(fs::path(d.uri()).lexically_relative(dir_).string());
  }
  std::vector<std::string> want = {"a-b.txt", "a.txt", "a/b/c.txt", "a/z.txt", "b.txt"};
  std::vector<std::string> sorted = want;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(want, sorted);
  EXPECT_EQ(got, want);
}

TEST_F(ReaderTest, ManyFilesAreReadInBatchesInSortedPathOrder) {
  // More files than one batch holds, subdirectories between them, and files longer than
  // a batch's first read.
  std::vector<std::string> want;
  for (int k = 0; k < 75; ++k) {
    char name[32];
    std::snprintf(name, sizeof name, "n%03d.txt", k);
    std::string text = "Note " + std::to_string(k) + " says revenue rose.";
    if (k % 20 == 7) text += "\n\n" + std::string(70000 + k, 'x') + " end.";
    Write(name, text);
    want.push_back(name);
    if (k % 30 == 10) {
      std::snprintf(name, sizeof name, "n%03d.txt_dir/inner.txt", k);
      Write(name, "Inner note " + std::to_string(k) + ".");
      want.push_back(name);
    }
  }
  std::sort(want.begin(), want.end());
  std::vector<std::string> got;
  for (const v1::Document& d : Read(dir_.string())) {
    got.push_back(fs::path(d.uri()).lexically_relative(dir_).string());
    const std::string file = (dir_ / got.back()).string();
    std::ifstream in(file, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(d.text(), bytes) << file;
  }
  EXPECT_EQ(got, want);
  EXPECT_TRUE(sink_.issues().empty());
}

TEST_F(ReaderTest, CallbackMayReadADirectoryWithTheSameReaderDuringABatch) {
  for (int k = 0; k < 5; ++k) Write("outer/o" + std::to_string(k) + ".txt", "Outer " + std::to_string(k) + ".");
  for (int k = 0; k < 3; ++k) Write("inner/i" + std::to_string(k) + ".txt", "Inner " + std::to_string(k) + ".");
  DocumentReader reader({}, &sink_);
  std::vector<std::string> texts;
  bool nested = false;
  ASSERT_TRUE(reader
                  .ReadPath((dir_ / "outer").string(),
                            [&](v1::Document&& d) {
                              texts.push_back(d.text());
                              if (nested) return;
                              nested = true;
                              ASSERT_TRUE(reader
                                              .ReadPath((dir_ / "inner").string(),
                                                        [&](v1::Document&& inner) {
                                                          texts.push_back(inner.text());
                                                        })
                                              .ok());
                            })
                  .ok());
  EXPECT_EQ(texts, (std::vector<std::string>{"Outer 0.", "Inner 0.", "Inner 1.", "Inner 2.",
                                             "Outer 1.", "Outer 2.", "Outer 3.", "Outer 4."}));
}

TEST_F(ReaderTest, WordPressArrayGivesOneDocumentPerPost) {
  std::string path = Write("posts.json",
                           "[{\"title\": {\"rendered\": \"One\"}, \"content\": {\"rendered\": \"<p>a</p>\"}},"
                           " {\"title\": {\"rendered\": \"Two\"}, \"content\": {\"rendered\": \"<p>b</p>\"}},"
                           " {\"unrelated\": true}]");
  auto docs = Read(path);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[1].item(), "item [1]");
  EXPECT_TRUE(Reported("item [2]", "neither a WordPress post"));
}

TEST_F(ReaderTest, ReadBytesDetectsFormatByContent) {
  DocumentReader reader({}, &sink_);
  std::vector<v1::Document> docs;
  reader.ReadBytes("<html><body><p>Hello &amp; bye.</p></body></html>", "page.txt",
                   [&](v1::Document&& d) { docs.push_back(std::move(d)); });
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].format(), v1::DOCUMENT_FORMAT_HTML);
  EXPECT_EQ(docs[0].text(), "Hello & bye.");
  EXPECT_EQ(docs[0].uri(), "page.txt");
  EXPECT_EQ(docs[0].id().size(), 16u);
}

TEST_F(ReaderTest, ByteOrderMarkIsDroppedAndOffsetsStillLeadToFile) {
  DocumentReader reader({}, &sink_);
  std::vector<v1::Document> docs;
  reader.ReadBytes("\xEF\xBB\xBFText body.", "bom.txt",
                   [&](v1::Document&& d) { docs.push_back(std::move(d)); });
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].text(), "Text body.");
  ASSERT_GE(docs[0].offset_map_size(), 1);
  EXPECT_EQ(docs[0].offset_map(0).source_offset(), 3u);
}

// The reader hands each callback its own kept document (cleared and refilled for the
// next): a consumer that copies gets what one that moves gets, and nothing of a document
// (its title, author, posts, quotations, warnings, runs) leaks into the next.
TEST_F(ReaderTest, KeptDocumentBufferLeaksNothingIntoTheNextDocument) {
  Write("a_forum.txt",
        "Chip fund (discussion)\n\nfabfan\nRegistered Member\nMay 27, 2024\n"
        "The fund has RMB 344 billion. Big.\n\n\nwaferwatch\nSenior Member\nMay 28, 2024\n"
        "fabfan said:\nThe fund has RMB 344 billion.\nClick to expand...\nBig if true.\n");
  Write("b_page.html",
        "<html><head><title>Results</title><meta name=\"author\" content=\"C. Reporter\">"
        "</head><body><p>Revenue &amp; profit rose 7% in 2024.</p></body></html>");
  Write("c_feed.jsonl",
        "{\"url\": \"https://w.example/1\", \"title\": \"T1\", \"published\": \"2024-08-09 02:10\", "
        "\"text\": \"Body one.\"}\n{\"text\": \"Body two.\"}\n");
  Write("d_note.txt", "A plain note with no date.\n");
  Write("e_bad.txt", std::string("Bad \xFF byte here.\n"));
  std::vector<v1::Document> moved = Read(dir_.string());
  DocumentReader reader({}, &sink_);
  std::vector<v1::Document> copied;
  ASSERT_TRUE(reader.ReadPath(dir_.string(), [&](v1::Document&& d) { copied.push_back(d); }).ok());
  ASSERT_EQ(moved.size(), 6u);
  ASSERT_EQ(copied.size(), moved.size());
  for (size_t i = 0; i < moved.size(); ++i) {
    EXPECT_EQ(copied[i].SerializeAsString(), moved[i].SerializeAsString()) << moved[i].uri();
  }
  // Each document read on its own gives the same document.
  for (const v1::Document& d : moved) {
    if (!d.item().empty()) continue;
    std::vector<v1::Document> alone = Read(d.uri());
    ASSERT_EQ(alone.size(), 1u) << d.uri();
    EXPECT_EQ(alone[0].SerializeAsString(), d.SerializeAsString()) << d.uri();
  }
  EXPECT_EQ(moved[0].format(), v1::DOCUMENT_FORMAT_FORUM_THREAD);
  EXPECT_EQ(moved[0].posts_size(), 2);
  EXPECT_GE(moved[0].quotations_size(), 1);
  EXPECT_EQ(moved[1].format(), v1::DOCUMENT_FORMAT_HTML);
  EXPECT_EQ(moved[1].posts_size(), 0);
  EXPECT_EQ(moved[1].quotations_size(), 0);
  EXPECT_EQ(moved[3].item(), "line 2");
  EXPECT_TRUE(moved[3].title().empty());
  EXPECT_TRUE(moved[3].warnings().empty());
  EXPECT_FALSE(moved[3].published().has_time());
  EXPECT_TRUE(moved[4].item().empty());
  EXPECT_TRUE(moved[4].warnings().empty());
  EXPECT_EQ(moved[5].warnings_size(), 1);  // the invalid byte
}

// A callback may read with the same reader again: the inner read uses buffers of its
// own, and the outer document is intact when the inner read returns.
TEST_F(ReaderTest, CallbackMayReadWithTheSameReader) {
  std::string path = Write("feed.jsonl",
                           "{\"title\": \"T1\", \"text\": \"Body one.\"}\n"
                           "{\"title\": \"T2\", \"text\": \"Body two.\"}\n");
  DocumentReader reader({}, &sink_);
  std::vector<std::string> texts;
  ASSERT_TRUE(reader
                  .ReadPath(path,
                            [&](v1::Document&& d) {
                              const std::string before = d.SerializeAsString();
                              reader.ReadBytes("<p>Inner " + d.title() + " page.</p>", "inner.html",
                                               [&](v1::Document&& inner) {
                                                 texts.push_back(inner.text());
                                               });
                              EXPECT_EQ(d.SerializeAsString(), before);
                              texts.push_back(d.text());
                            })
                  .ok());
  EXPECT_EQ(texts, (std::vector<std::string>{"Inner T1 page.", "T1\n\nBody one.", "Inner T2 page.",
                                             "T2\n\nBody two."}));
}

TEST_F(ReaderTest, OversizedFileReportedWithoutReading) {
  fs::path p = dir_ / "huge.txt";
  { std::ofstream(p, std::ios::binary) << "x"; }
  fs::resize_file(p, kMaxDocumentFileBytes + 1);  // sparse: no disk space used
  absl::Status s;
  EXPECT_TRUE(Read(p.string(), &s).empty());
  EXPECT_TRUE(s.ok()) << s;
  EXPECT_TRUE(Reported("huge.txt", "file too large"));
}

TEST_F(ReaderTest, LargePlainTextFileIsReadWhole) {
  std::string para = "Revenue rose 7.8% to $2.38 billion in the quarter. Margins held.\n\n";
  std::string big;
  while (big.size() < (8u << 20)) big += para;
  std::string path = Write("big.txt", big);
  auto docs = Read(path);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].text().size(), big.size());
  EXPECT_TRUE(sink_.issues().empty());
}

}  // namespace
}  // namespace claimcheck
