.class public interface abstract Lcom/lib/Named;
.super Ljava/lang/Object;
.source "Named.java"
