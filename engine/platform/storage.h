// Named blobs under a root: what settings, read-scene logs, journal exports and saves
// need from a disk, and all the browser build must provide (it mounts IDBFS at the same
// root, so the desktop implementation stays plain files). Names are relative and
// '/'-separated ("read/tutorial.txt"); "", ".", ".." parts and absolute names are refused.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace lc {

class Storage {
 public:
  virtual ~Storage() = default;
  // The blob's bytes; nullopt with an empty `error` when there is no such blob, nullopt
  // with `error` saying why when it cannot be read.
  virtual std::optional<std::string> read(const std::string& name, std::string& error) const = 0;
  // Replaces the blob atomically (a reader sees the old bytes or the new, never a mix),
  // making its folders as needed.
  virtual bool write(const std::string& name, const std::string& bytes, std::string& error) = 0;
  // The names of the blobs directly in `folder` ("" = the root), sorted; no sub-folders.
  virtual std::vector<std::string> list(const std::string& folder) const = 0;
  // Removing a blob that is not there succeeds: the wish is fulfilled.
  virtual bool remove(const std::string& name, std::string& error) = 0;
};

// "" when `name` is a valid blob name, else why not.
std::string blobNameProblem(const std::string& name);

// Each blob a regular file root/name. Reads refuse anything but a regular file (no FIFO,
// device or directory) and files over `maxBytes`. Writes are atomic (a temporary file
// renamed over the old); `durable` also syncs them to the disk before the rename, which
// a cache that can lose a blob without harm does without.
class FileStorage final : public Storage {
 public:
  explicit FileStorage(std::string root, size_t maxBytes = size_t(64) << 20, bool durable = true)
      : root_(std::move(root)), maxBytes_(maxBytes), durable_(durable) {}
  const std::string& root() const { return root_; }
  std::string pathOf(const std::string& name) const { return root_ + "/" + name; }

  std::optional<std::string> read(const std::string& name, std::string& error) const override;
  bool write(const std::string& name, const std::string& bytes, std::string& error) override;
  std::vector<std::string> list(const std::string& folder) const override;
  bool remove(const std::string& name, std::string& error) override;

 private:
  std::string root_;
  size_t maxBytes_;
  bool durable_;
};

}  // namespace lc
