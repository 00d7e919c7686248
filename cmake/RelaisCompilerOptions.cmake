# Compiler options shared by every Relais target.
add_library(relais_compiler_options INTERFACE)

target_compile_options(relais_compiler_options INTERFACE
    -Wall -Wextra -Wpedantic -Wold-style-cast -Woverloaded-virtual
    $<$<BOOL:${RELAIS_WERROR}>:-Werror>)

target_compile_definitions(relais_compiler_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_UP_TO=0x060400
    RELAIS_VERSION="${PROJECT_VERSION}")

if(RELAIS_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "RELAIS_FUZZ needs clang: -DCMAKE_CXX_COMPILER=clang++")
    endif()
    target_compile_options(relais_compiler_options INTERFACE
        -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
        -fno-sanitize-recover=undefined)
    target_link_options(relais_compiler_options INTERFACE -fsanitize=address,undefined)
endif()

if(RELAIS_SANITIZE)
    target_compile_options(relais_compiler_options INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(relais_compiler_options INTERFACE -fsanitize=address,undefined)
endif()
