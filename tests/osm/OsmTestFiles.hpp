#pragma once
/// @file
/// @brief Fixtures shared by the OSM tests: a scratch folder per test and the small OSM XML road
/// network the import tests are computed by hand against.
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace hg::osm::test {

/// A fresh folder under the system temp dir, removed at the end of the test.
class ScratchDir {
public:
  explicit ScratchDir(const std::string& name)
      : path_(std::filesystem::temp_directory_path() / ("hg_osm_" + name + "_" + std::to_string(getpid()))) {
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string file(const std::string& name) const { return (path_ / name).string(); }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(file(name), std::ios::binary) << text;
    return file(name);
  }

private:
  std::filesystem::path path_;
};

/// Lon/lat grid of 0.01 degree around Hegang. Ways (ids):
///  1 motorway 1-2-3 (north, implied one-way)        2 primary bridge 3-4-20
///  3 secondary 10-11-12-13 named, maxspeed 30 mph   4 residential 20-12-21 (crosses 3 at 12)
///  5 track 30-31-32 (isolated: second component)     6 footway 11-40 (not imported)
///  7 tertiary 21-50 oneway=-1                        8 building (not a road)
inline const char* kFixtureOsm = R"(<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6" generator="hgdrill test">
  <node id="1" version="1" lat="47.30" lon="130.30"/>
  <node id="2" version="1" lat="47.31" lon="130.30"/>
  <node id="3" version="1" lat="47.32" lon="130.30"/>
  <node id="4" version="1" lat="47.33" lon="130.30"/>
  <node id="10" version="1" lat="47.35" lon="130.28"/>
  <node id="11" version="1" lat="47.35" lon="130.29"/>
  <node id="12" version="1" lat="47.35" lon="130.30"/>
  <node id="13" version="1" lat="47.35" lon="130.31"/>
  <node id="20" version="1" lat="47.34" lon="130.30"/>
  <node id="21" version="1" lat="47.36" lon="130.30"/>
  <node id="30" version="1" lat="47.40" lon="130.40"/>
  <node id="31" version="1" lat="47.40" lon="130.41"/>
  <node id="32" version="1" lat="47.41" lon="130.41"/>
  <node id="40" version="1" lat="47.352" lon="130.29"/>
  <node id="50" version="1" lat="47.37" lon="130.30"/>
  <node id="60" version="1" lat="47.30" lon="130.20"/>
  <node id="61" version="1" lat="47.31" lon="130.20"/>
  <way id="1" version="1"><nd ref="1"/><nd ref="2"/><nd ref="3"/>
    <tag k="highway" v="motorway"/><tag k="ref" v="G11"/><tag k="name" v="鹤大高速"/></way>
  <way id="2" version="1"><nd ref="3"/><nd ref="4"/><nd ref="20"/>
    <tag k="highway" v="primary"/><tag k="bridge" v="viaduct"/><tag k="layer" v="1"/></way>
  <way id="3" version="1"><nd ref="10"/><nd ref="11"/><nd ref="12"/><nd ref="13"/>
    <tag k="highway" v="secondary"/><tag k="name" v="新华路"/><tag k="name:zh" v="新华路"/>
    <tag k="name:en" v="Xinhua Road"/><tag k="maxspeed" v="30 mph"/></way>
  <way id="4" version="1"><nd ref="20"/><nd ref="12"/><nd ref="21"/><tag k="highway" v="residential"/></way>
  <way id="5" version="1"><nd ref="30"/><nd ref="31"/><nd ref="32"/><tag k="highway" v="track"/></way>
  <way id="6" version="1"><nd ref="11"/><nd ref="40"/><tag k="highway" v="footway"/></way>
  <way id="7" version="1"><nd ref="21"/><nd ref="50"/><tag k="highway" v="tertiary"/><tag k="oneway" v="-1"/></way>
  <way id="8" version="1"><nd ref="60"/><nd ref="61"/><tag k="building" v="yes"/></way>
</osm>
)";

} // namespace hg::osm::test
