// JwkStore with a fake key server and a hand-moved clock: caching per max-age / Expires,
// refetch on an unknown kid (rate-limited), stale keys kept when a fetch fails, one fetch for
// many waiting requests. No sleeps, no network.
#include "auth/jwk.h"

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/use_future.hpp>
#include <boost/json/serialize.hpp>

#include "auth/test_tokens.h"

namespace graft::auth {
namespace {

namespace asio = boost::asio;
namespace bj = boost::json;
using testing::TestKey;

class JwkStoreTest : public ::testing::Test {
 protected:
  JwkStoreTest() {
    store_ = std::make_shared<JwkStore>(
        ioc_.get_executor(), "http://keys.test/jwks",
        [this]() -> asio::awaitable<Result<http::ClientResponse>> {
          ++served_;
          // Let other requests queue up behind this fetch before it answers.
          co_await asio::post(ioc_, asio::use_awaitable);
          co_return reply_;
        },
        [this] { return now_; });
  }

  void serve(std::vector<std::pair<std::string, const TestKey*>> keys,
             std::string cache_control = "", std::string expires = "") {
    bj::array list;
    for (const auto& [kid, key] : keys) list.push_back(key->jwk(kid));
    http::ClientResponse response;
    response.status = 200;
    response.body = bj::serialize(bj::object{{"keys", std::move(list)}});
    if (!cache_control.empty()) response.headers.emplace_back("cache-control", cache_control);
    if (!expires.empty()) response.headers.emplace_back("expires", expires);
    reply_ = response;
  }

  Result<std::shared_ptr<const VerificationKey>> key(std::optional<std::string> kid) {
    auto future =
        asio::co_spawn(ioc_, store_->key(std::move(kid), Algorithm::kRS256), asio::use_future);
    ioc_.restart();
    ioc_.run();
    return future.get();
  }

  asio::io_context ioc_;
  TimePoint now_ = TimePoint(std::chrono::seconds(1'700'000'000));
  Result<http::ClientResponse> reply_ = std::unexpected(Error::unexpected("down"));
  int served_ = 0;
  std::shared_ptr<JwkStore> store_;
  TestKey a_ = TestKey::rsa();
  TestKey b_ = TestKey::rsa();
};

TEST_F(JwkStoreTest, CachesForMaxAgeThenRefetches) {
  serve({{"a", &a_}}, "max-age=60");
  ASSERT_TRUE(key("a").has_value());
  ASSERT_TRUE(key("a").has_value());
  EXPECT_EQ(served_, 1);
  now_ += std::chrono::seconds(61);
  serve({{"b", &b_}}, "max-age=60");
  EXPECT_TRUE(key("b").has_value());
  EXPECT_EQ(served_, 2);
  EXPECT_FALSE(key("a").has_value());  // rotated out
}

TEST_F(JwkStoreTest, ExpiresHeaderAndNoHeaderAtAll) {
  serve({{"a", &a_}}, "", "Tue, 14 Nov 2023 22:14:20 GMT");  // 1'700'000'060
  ASSERT_TRUE(key("a").has_value());
  now_ += std::chrono::seconds(59);
  ASSERT_TRUE(key("a").has_value());
  EXPECT_EQ(served_, 1);
  now_ += std::chrono::seconds(2);
  serve({{"a", &a_}});  // no caching header: keep these keys until a kid is unknown
  ASSERT_TRUE(key("a").has_value());
  EXPECT_EQ(served_, 2);
  now_ += std::chrono::hours(24);
  ASSERT_TRUE(key("a").has_value());
  EXPECT_EQ(served_, 2);
}

TEST_F(JwkStoreTest, UnknownKidRefetchesAtMostOncePerInterval) {
  serve({{"a", &a_}}, "max-age=3600");
  ASSERT_TRUE(key("a").has_value());
  // The key server rotates early; a token with the new kid makes us look again.
  serve({{"a", &a_}, {"b", &b_}}, "max-age=3600");
  now_ += std::chrono::seconds(5);
  EXPECT_TRUE(key("b").has_value());
  EXPECT_EQ(served_, 2);
  // Garbage kids: one refetch per interval, however many tokens.
  now_ += std::chrono::seconds(5);
  for (int i = 0; i < 50; ++i) {
    auto missing = key("garbage-" + std::to_string(i));
    ASSERT_FALSE(missing.has_value());
    EXPECT_EQ(missing.error().code(), "invalid-jwt");
  }
  EXPECT_EQ(served_, 3);
  now_ += std::chrono::milliseconds(1001);
  EXPECT_FALSE(key("garbage").has_value());
  EXPECT_EQ(served_, 4);
}

TEST_F(JwkStoreTest, FailedFetchKeepsThePreviousKeys) {
  serve({{"a", &a_}}, "max-age=10");
  ASSERT_TRUE(key("a").has_value());
  now_ += std::chrono::seconds(11);
  reply_ = std::unexpected(Error::timeout("key server down"));
  EXPECT_TRUE(key("a").has_value());  // stale, but better than refusing everyone
  EXPECT_EQ(served_, 2);
  EXPECT_TRUE(key("a").has_value());  // and no retry storm
  EXPECT_EQ(served_, 2);
  http::ClientResponse bad;
  bad.status = 500;
  reply_ = bad;
  now_ += std::chrono::seconds(2);
  EXPECT_TRUE(key("a").has_value());
  EXPECT_EQ(served_, 3);
}

TEST_F(JwkStoreTest, NoKeysAtAllIsAnError) {
  auto missing = key("a");
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().message(), "Could not verify JWT: JWSError NoUsableKeys");
}

TEST_F(JwkStoreTest, ConcurrentRequestsShareOneFetch) {
  serve({{"a", &a_}}, "max-age=60");
  std::vector<std::future<Result<std::shared_ptr<const VerificationKey>>>> futures;
  for (int i = 0; i < 20; ++i) {
    futures.push_back(
        asio::co_spawn(ioc_, store_->key(std::string("a"), Algorithm::kRS256), asio::use_future));
  }
  ioc_.run();
  for (auto& f : futures) EXPECT_TRUE(f.get().has_value());
  EXPECT_EQ(served_, 1);
}

TEST_F(JwkStoreTest, KeysByTypeAndAlg) {
  TestKey ec = TestKey::ec(32);
  TestKey ed = TestKey::ed25519();
  bj::object rsa_with_alg = a_.jwk("r");
  rsa_with_alg["alg"] = "RS512";
  bj::object enc = b_.jwk("enc");
  enc["use"] = "enc";
  http::ClientResponse response;
  response.status = 200;
  response.body = bj::serialize(
      bj::object{{"keys", bj::array{rsa_with_alg, enc, ec.jwk("e"), ed.jwk("d"),
                                    bj::object{{"kty", "oct"}, {"kid", "h"}, {"k", "c2VjcmV0"}},
                                    bj::object{{"kty", "RSA"}, {"kid", "broken"}, {"n", "!!"}}}}});
  reply_ = response;
  EXPECT_FALSE(key("r").has_value());  // RS512 only
  auto ec_key = key("e");
  EXPECT_FALSE(ec_key.has_value());  // an EC key does not verify RS256
  EXPECT_FALSE(key("enc").has_value());
  auto future =
      asio::co_spawn(ioc_, store_->key(std::string("d"), Algorithm::kEdDSA), asio::use_future);
  ioc_.restart();
  ioc_.run();
  EXPECT_TRUE(future.get().has_value());
}

}  // namespace
}  // namespace graft::auth
