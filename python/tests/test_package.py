"""The package itself: version, where it loads the library from, the GIL policy, help() text."""
import ctypes
import inspect
import os
import pydoc
import re

import pytest

import fastattractors as fa
from fastattractors import _library


def test_versions_agree_with_the_project_and_the_library(repository):
    props = (repository / "Directory.Build.props").read_text()
    project = re.search(r"<Version>(.*)</Version>", props).group(1)
    assert fa.__version__ == project
    assert fa.version() == project


@pytest.mark.skipif(os.environ.get("FASTATTRACTORS_EXPECT_WHEEL") != "1", reason="only when testing an installed wheel")
def test_the_installed_wheel_loads_its_bundled_library(repository):
    package = os.path.dirname(os.path.abspath(fa.__file__))
    assert not package.startswith(str(repository / "python")), f"imported the source tree {package}, not the wheel"
    assert fa.library_path() == os.path.join(package, "_native", "libfastattractors.so")
    assert os.path.exists(os.path.join(package, "_native", "managed", "FastAttractors.Native.dll"))


def test_the_library_is_loaded_with_cdll_so_calls_release_the_gil():
    assert isinstance(_library.lib, ctypes.CDLL) and not isinstance(_library.lib, ctypes.PyDLL)


PUBLIC_FUNCTIONS = [fa.integrate, fa.lyapunov, fa.gradient, fa.train_sequences, fa.recall, fa.version,
                    fa.Context.integrate, fa.Context.lyapunov, fa.Context.gradient, fa.Context.train_sequences,
                    fa.Context.recall, fa.degeneracy, fa.degeneracy_sizes,
                    fa.train_ensemble]


@pytest.mark.parametrize("function", PUBLIC_FUNCTIONS, ids=lambda f: f.__qualname__)
def test_every_public_function_has_a_numpy_style_docstring(function):
    doc = inspect.getdoc(function)
    assert doc and "Returns\n-------" in doc
    parameters = [p for p in inspect.signature(function).parameters if p != "context"]
    if parameters:
        assert "Parameters\n----------" in doc
        for name in parameters:   # each documented, alone or in a group such as "W, x0, b, tau"
            assert re.search(rf"^(\w+, )*{name}\b", doc, re.MULTILINE), f"{function.__qualname__}: {name} undocumented"


def test_help_renders_the_package_and_context():
    text = pydoc.render_doc(fa, renderer=pydoc.plaintext)
    assert "GIL" in text and "Context" in text
    assert "Parameters" in pydoc.render_doc(fa.Context, renderer=pydoc.plaintext)
    for name in fa.__all__:
        assert hasattr(fa, name), name


@pytest.mark.skipif(os.environ.get("FASTATTRACTORS_EXPECT_WHEEL") != "1", reason="only when testing an installed wheel")
def test_the_installed_wheel_is_built_from_this_source(repository):
    # A venv left from an older build would test old code: rebuild the wheel and reinstall it (docs/how-to/embed-from-python.md).
    package = os.path.dirname(os.path.abspath(fa.__file__))
    source = repository / "python" / "fastattractors"
    stale = [p.name for p in sorted(source.glob("*.py"))
             if not os.path.exists(os.path.join(package, p.name))
             or open(os.path.join(package, p.name), "rb").read() != p.read_bytes()]
    assert not stale, f"the installed package differs from python/fastattractors in {stale}: rebuild and reinstall the wheel"
