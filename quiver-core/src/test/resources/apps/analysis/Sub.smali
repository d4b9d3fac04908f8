.class public Lcom/q/Sub;
.super Lcom/q/Impl;
.source "Sub.java"

.method public constructor <init>()V
    .registers 1
    invoke-direct {p0}, Lcom/q/Impl;-><init>()V
    return-void
.end method
