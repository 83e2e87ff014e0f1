#!/usr/bin/env bash
# The packages as a user gets them: packs the repository into a temporary folder, builds and runs a console project
# outside the repository that references BareMetal.Driver and BareMetal.Ironic.Fake from that folder only (spawn and
# destroy on the fake), then installs the baremetal tool from the same folder into a temporary tool path and runs
# `baremetal demo`. Exits non-zero on the first failure. Usage: eng/packages/consumer-check.sh [ARTIFACTS_DIR]
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
ARTIFACTS="${1:-$WORK/artifacts}"
VERSION=$(sed -n 's:.*<VersionPrefix>\(.*\)</VersionPrefix>.*:\1:p' "$REPO/Directory.Build.props")
pin() { sed -n "s:.*PackageVersion Include=\"$1\" Version=\"\([^\"]*\)\".*:\1:p" "$REPO/Directory.Packages.props"; }

echo "consumer-check: dotnet pack -c Release -o $ARTIFACTS"
dotnet pack "$REPO/BareMetal.Driver.sln" -c Release -o "$ARTIFACTS" -v q -nologo
for id in BareMetal.Ironic BareMetal.Ironic.Fake BareMetal.Driver BareMetal.Cli; do
  for ext in nupkg snupkg; do
    [ -f "$ARTIFACTS/$id.$VERSION.$ext" ] || { echo "consumer-check: $id.$VERSION.$ext was not produced" >&2; exit 1; }
  done
done

# BareMetal.* come from the artifacts folder only; everything else from the usual feed. A package folder of its own
# so that no earlier build of the same version is taken from the machine's cache.
mkdir -p "$WORK/consumer"
cat > "$WORK/consumer/NuGet.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <config><add key="globalPackagesFolder" value="$WORK/packages" /></config>
  <packageSources>
    <clear />
    <add key="artifacts" value="$ARTIFACTS" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="artifacts"><package pattern="BareMetal.*" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
XML
cat > "$WORK/consumer/Consumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="BareMetal.Driver" Version="$VERSION" />
    <PackageReference Include="BareMetal.Ironic.Fake" Version="$VERSION" />
    <PackageReference Include="Microsoft.Extensions.DependencyInjection" Version="$(pin Microsoft.Extensions.DependencyInjection)" />
    <PackageReference Include="Microsoft.Extensions.Logging" Version="$(pin Microsoft.Extensions.Logging)" />
  </ItemGroup>
</Project>
XML
cp "$REPO/eng/packages/consumer/Program.cs" "$WORK/consumer/"
echo "consumer-check: a console project in $WORK/consumer, spawning and destroying on the fake"
(cd "$WORK/consumer" && dotnet run -nologo)
if grep -rq "ProjectReference\|$REPO" "$WORK/consumer/obj/project.assets.json"; then
  echo "consumer-check: the consumer reached into the repository" >&2; exit 1
fi

echo "consumer-check: dotnet tool install BareMetal.Cli into $WORK/tool, then baremetal demo"
(cd "$WORK/consumer" && dotnet tool install BareMetal.Cli --version "$VERSION" --tool-path "$WORK/tool" --configfile "$WORK/consumer/NuGet.config")
"$WORK/tool/baremetal" demo
echo "consumer-check: packages, consumer project and tool all work"
