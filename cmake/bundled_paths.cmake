# The rule files the build bundles (cmake/bundle_gen.c): every *.lua below
# a directory, relative to it, in byte order, as a run lists them
# (core/lua/digest.c): nothing hidden (no part of the path starting with
# "."; an editor's lock file ".#labs.lua", a link to nothing, stopped the
# build while a rule file was open) and nothing not there to read (a link
# to nothing). What is left out is compiled from its text at a run, if a
# run reads it at all.
function(nms_bundled_paths out dir)
    if(CMAKE_SCRIPT_MODE_FILE)
        file(GLOB_RECURSE paths RELATIVE ${dir} ${dir}/*.lua)
    else()
        file(GLOB_RECURSE paths RELATIVE ${dir} CONFIGURE_DEPENDS
             ${dir}/*.lua)
    endif()
    list(FILTER paths EXCLUDE REGEX "(^|/)\\.")
    set(kept)
    foreach(path IN LISTS paths)
        if(EXISTS ${dir}/${path})
            list(APPEND kept ${path})
        endif()
    endforeach()
    list(SORT kept)
    set(${out} ${kept} PARENT_SCOPE)
endfunction()

# cmake -DRULES=DIR -P cmake/bundled_paths.cmake prints them, one a line,
# on stderr (tests/cli/bundle_gen.sh).
if(CMAKE_SCRIPT_MODE_FILE STREQUAL CMAKE_CURRENT_LIST_FILE)
    nms_bundled_paths(paths ${RULES})
    foreach(path IN LISTS paths)
        message("${path}")
    endforeach()
endif()
